# case: unsafe
"""Shaped like Neutron's cmd/sanity/checks.py."""
from neutron.agent.linux import ip_lib
from neutron.common import utils as common_utils


def iproute2_vxlan_supported():
    ip = ip_lib.IPWrapper()
    name_dummy = common_utils.get_rand_device_name(prefix='vxlantest-')
    ip.add_dummy(name_dummy)
    name = common_utils.get_rand_device_name(prefix='vxlantest-')
    port = ip.add_vxlan(name, 3000, name_dummy)
    ip.del_veth(name)
    return name == port.name
