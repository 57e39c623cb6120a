"""Shaped like nova 34.0.0's virt/libvirt/driver.py: _cleanup_remote_migration() undoes a
failed migration in one try, so a failed rmtree does stop the rename and the removal after
it: no "one failed release must not stop the others" there, but its docstring says cleanup."""

# case: unsafe
# case: refuses best-effort teardown: _cleanup_remote_migration() releases what it can; its docstring says so: "Used only for cleanup in case migrate_disk_and_power_off fails."
import logging
import os
import shutil

LOG = logging.getLogger(__name__)


class LibvirtDriver:
    def _cleanup_remote_migration(self, dest, inst_base, inst_base_resize, shared_storage=False):
        """Used only for cleanup in case migrate_disk_and_power_off fails."""
        try:
            if os.path.exists(inst_base_resize):
                shutil.rmtree(inst_base, ignore_errors=True)
                os.rename(inst_base_resize, inst_base)
                if not shared_storage:
                    self._remotefs.remove_dir(dest, inst_base)
        except Exception:
            pass
