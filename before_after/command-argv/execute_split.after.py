# case: unsafe
from neutron.agent.linux import utils


def set_mtu(device, mtu):
    utils.execute(['ip', 'link', 'set', str(device), 'mtu', '%d' % (mtu,)], run_as_root=True)


def version():
    return utils.execute('ip -V'.split())
