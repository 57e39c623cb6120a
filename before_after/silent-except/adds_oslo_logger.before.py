# case: option logging-module=oslo_log.log
# case: unsafe
from neutron_lib import constants


def get_mtu(device):
    try:
        return int(device.link.mtu)
    except Exception:
        pass
    return constants.DEFAULT_NETWORK_MTU
