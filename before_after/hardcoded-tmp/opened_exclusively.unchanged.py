# case: unsafe
# case: refuses created exclusively (O_EXCL), so no link is followed, but another user can create it first and the service take it
"""A variant of httpie's utils.open_with_lockfile(): the name in gettempdir() opened with
open(path, "x"), O_CREAT | O_EXCL, which follows no link; no lock, so no word on one."""
import os
import tempfile


def claim(name):
    path = os.path.join(tempfile.gettempdir(), name)
    with open(path, "x") as f:
        f.write(str(os.getpid()))
