# case: unsafe
# case: ignores a temporary directory made the working directory is in use after the function returns; with a report it says so
"""Shaped like jupyterhub's spawner: the server it starts runs in that directory."""
import os
import sys
from tempfile import mkdtemp


def _try_setcwd(path):
    while path != '/':
        try:
            os.chdir(path)
        except OSError as e:
            exc = e
            path, _ = os.path.split(path)
        else:
            return
    print(f"Couldn't set CWD at all ({exc}), using temp dir", file=sys.stderr)
    td = mkdtemp()
    os.chdir(td)
