# case: refuses hard-coded world-writable lock_path
import os
import tempfile

from oslo_concurrency import lockutils
from neutron.common import utils
from neutron_lib.utils import runtime
from oslo_config import cfg


def in_tmp():
    with lockutils.lock('dhcp', external=True, lock_path='/tmp'):
        pass


def below_tmp():
    with lockutils.lock('dhcp', 'neutron-', True, '/var/tmp/neutron-locks'):
        pass


def joined(name):
    with lockutils.lock(name, external=True, lock_path=os.path.join('/dev/shm', 'locks')):
        pass


def gettempdir():
    with lockutils.lock('dhcp', external=True, lock_path=tempfile.gettempdir()):
        pass


def configure():
    lockutils.set_defaults('/tmp')
    cfg.CONF.set_override('lock_path', '/tmp/neutron', group='oslo_concurrency')


@runtime.synchronized('resource_allocator', external=True, lock_path='/tmp')
def allocate():
    pass


@utils.synchronized('wrapped', external=True, lock_path='/tmp')
def wrapped():
    pass
