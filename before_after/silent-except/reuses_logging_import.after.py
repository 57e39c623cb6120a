# case: unsafe
from oslo_config import cfg
from oslo_log import log as logging

LOG = logging.getLogger(__name__)

CONF = cfg.CONF


def reload_options():
    try:
        CONF.reload_config_files()
    except Exception:
        LOG.debug("Ignoring exception in reload_options()", exc_info=True)
