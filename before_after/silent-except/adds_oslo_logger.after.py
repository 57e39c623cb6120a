# case: option logging-module=oslo_log.log
# case: unsafe
from neutron_lib import constants
from oslo_log import log as logging

LOG = logging.getLogger(__name__)


def get_mtu(device):
    try:
        return int(device.link.mtu)
    except Exception:
        LOG.debug("Ignoring exception in get_mtu()", exc_info=True)
    return constants.DEFAULT_NETWORK_MTU
