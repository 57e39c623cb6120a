# case: unsafe
# case: ignores os.fdopen() takes the descriptor over and closes it: a release after it would close it twice
"""Shaped like gunicorn's dirty/pidfile.py."""
import os


def write_pidfile(path, pid):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(str(pid))
    return True
