# case: ignores in-process locks are silent in a whole-tree run; with a report they are refused (tests/test_salted_lock_name.py)
import contextlib

from oslo_concurrency import lockutils

SYNCHRONIZED_PREFIX = 'neutron-'


class FipNamespace:
    @contextlib.contextmanager
    def _fip_port_lock(self, interface_name):
        lock_name = 'port-lock-' + self.name + '-' + interface_name
        with lockutils.lock(lock_name, SYNCHRONIZED_PREFIX):
            yield

    @lockutils.synchronized('fip-cache')
    def cached(self):
        return True

    def explicit(self):
        with lockutils.lock('fip', external=False):
            pass
        with lockutils.lock('fip', None, False):
            pass
