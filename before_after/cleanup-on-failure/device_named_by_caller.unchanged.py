# case: unsafe
# case: ignores a device whose name the caller chose is meant to outlive the function (plugging a port)
from neutron.agent.linux import ip_lib


def plug(device_name, namespace):
    ip = ip_lib.IPWrapper()
    ip.add_dummy(device_name)
    ip.set_namespace(device_name, namespace)
