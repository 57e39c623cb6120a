# case: unsafe
"""Shaped like enos's kolla.py _resolve_openstack_auth(): the descriptor
mkstemp() returns is never closed; the try after it already has a finally."""
import json
import os
import sys
import tempfile


class Kolla:
    def _resolve_openstack_auth(self, globals_values):
        old_sys_paths = sys.path.copy()

        # Temporary file to later store the rendered `openstack_auth`.
        fd, osauth_path = tempfile.mkstemp()

        try:
            sys.path.append(
                str(self.venv_path / 'lib' / self.python / 'site-packages'))
            self.render(globals_values, dest=osauth_path)

            with open(osauth_path, 'r') as rc_yaml:
                return json.load(rc_yaml)

        finally:
            os.close(fd)
            # Delete temporary `osauth_path` file
            os.unlink(osauth_path)
            # Reset system paths
            sys.path = old_sys_paths
