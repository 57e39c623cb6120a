# case: unsafe
# case: project glean_with_open glean/cmd.py
"""Shaped like glean 1.25.1's glean/cmd.py: safe_open(). The tests patch glean.cmd.open with
a plain mock, and the module already opens files in with statements under them."""
import contextlib
import os


@contextlib.contextmanager
def safe_open(*args, **kwargs):
    f = open(*args, **kwargs)
    yield f
    f.flush()
    os.fsync(f.fileno())
    f.close()
    path = os.path.abspath(f.name)
    return path


def write_hostname(path, name):
    with safe_open(path, 'w') as fh:
        fh.write(name)


def read_keys():
    with open('/root/.ssh/authorized_keys', 'r') as fk:
        return fk.read()
