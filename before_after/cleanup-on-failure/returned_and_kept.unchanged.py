# case: unsafe
# case: ignores the directory is kept by the object before it is returned (noted where a report asks)
import tempfile


class Subvolumes:
    def __init__(self, module):
        self.module = module
        self.temporary_mounts = {}

    def mount_to_tempdir(self, device, key):
        # community.general's btrfs_subvolume: the object keeps the mount point
        # to unmount it later, and a removal after a failed step could delete
        # the files of a mounted filesystem.
        mountpoint = tempfile.mkdtemp()
        self.temporary_mounts[key] = mountpoint
        self.module.run_command(["mount", device, mountpoint], check_rc=True)
        return mountpoint

    def keep(self, run):
        workdir = tempfile.mkdtemp()
        self.workdir = workdir
        run(workdir)
        return workdir
