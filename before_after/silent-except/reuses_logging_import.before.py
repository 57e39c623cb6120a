# case: unsafe
from oslo_config import cfg
from oslo_log import log as logging

CONF = cfg.CONF


def read_option(name):
    try:
        return CONF[name]
    except Exception:
        pass
