"""glance-store glance_store/common/fs_mount.py: a name too long for one line.

The helper's call is broken after its bracket too, as OpenStack writes it
(tests/test_salted_lock_name.py runs glance-store's own shape, whose helper
is ``utils.salted_lock_name`` in a project module).
"""
import hashlib
import hmac
import os

from oslo_concurrency import lockutils


def _salted_lock_name(name):
    """Key an external lock name with the secret in $OSLO_LOCK_NAME_KEY.

    A predictable lock file name in a shared lock_path lets another local
    user take the lock first. Every process sharing lock_path must set the
    same key; without a key the name is returned unchanged.
    """
    key = os.environ.get('OSLO_LOCK_NAME_KEY')
    if not key:
        return name
    digest = hmac.new(key.encode(), name.encode(), hashlib.sha256)
    return name + '-' + digest.hexdigest()[:16]


class _HostMountState(object):
    def mount(self, fstype, export, vol_name, host, rootwrap_helper, options):
        @lockutils.synchronized(
            _salted_lock_name(
                'fs_mount_%s' % os.path.basename(self.mountpoint_path)),
            external=True)
        def _mount_with_lock():
            if not os.path.ismount(self.mountpoint_path):
                self._do_mount(fstype, export, options)

        _mount_with_lock()
