# case: refuses str.split() cuts device at whitespace and the tool cannot tell
# case: unsafe
from neutron.agent.linux import utils


def set_mtu(device, mtu):
    utils.execute(('ip link set %s mtu %d' % (device, mtu)).split(), run_as_root=True)


def version():
    return utils.execute('ip -V'.split())
