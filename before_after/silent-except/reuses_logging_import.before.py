# case: unsafe
from oslo_config import cfg
from oslo_log import log as logging

CONF = cfg.CONF


def reload_options():
    try:
        CONF.reload_config_files()
    except Exception:
        pass
