# case: option logging-module=oslo_log.log
# case: unsafe
from neutron_lib import constants
from oslo_log import log as logging

LOG = logging.getLogger(__name__)


def get_mtu(device):
    try:
        return int(device.link.mtu)
    except Exception:
        LOG.exception("Ignoring exception in get_mtu()")
    return constants.DEFAULT_NETWORK_MTU
