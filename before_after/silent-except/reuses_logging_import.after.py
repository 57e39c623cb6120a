# case: unsafe
from oslo_config import cfg
from oslo_log import log as logging

LOG = logging.getLogger(__name__)

CONF = cfg.CONF


def read_option(name):
    try:
        return CONF[name]
    except Exception:
        LOG.debug("Ignoring exception in read_option()", exc_info=True)
