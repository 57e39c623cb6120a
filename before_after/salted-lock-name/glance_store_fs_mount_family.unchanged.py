"""glance-store glance_store/common/fs_mount.py: mount and umount share their locks.

The keyed mount lock cannot be laid out in 79 columns; keying umount's
alone would have the two take different lock files once a key is set.
"""
# case: refuses the keyed call does not fit in 79 columns
# case: refuses every taker and remover of 'unprefixed' locks must be keyed alike, and
import os

from oslo_concurrency import lockutils


class _HostMountState(object):
    def mount(self, fstype, export, vol_name, mountpoint, host, options):
        @lockutils.synchronized(
            'fs_mount_%s' % os.path.basename(os.path.realpath(mountpoint)),
            external=True)
        def _mount_with_lock():
            self._do_mount(fstype, export, options)

        _mount_with_lock()

    def umount(self, vol_name, mountpoint, host):
        name = os.path.basename(os.path.realpath(mountpoint))

        @lockutils.synchronized('fs_mount_%s' % name, external=True)
        def _umount_with_lock():
            self._do_umount(mountpoint)

        _umount_with_lock()
