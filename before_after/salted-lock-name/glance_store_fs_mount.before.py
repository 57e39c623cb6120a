"""glance-store glance_store/common/fs_mount.py: a name too long for one line.

The helper's call is broken after its bracket too, as OpenStack writes it
(tests/test_salted_lock_name.py runs glance-store's own shape, whose helper
is ``utils.salted_lock_name`` in a project module).
"""
import os

from oslo_concurrency import lockutils


class _HostMountState(object):
    def mount(self, fstype, export, vol_name, host, rootwrap_helper, options):
        @lockutils.synchronized(
            'fs_mount_%s' % os.path.basename(self.mountpoint_path),
            external=True)
        def _mount_with_lock():
            if not os.path.ismount(self.mountpoint_path):
                self._do_mount(fstype, export, options)

        _mount_with_lock()
