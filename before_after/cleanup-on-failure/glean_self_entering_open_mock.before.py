# case: unsafe
# case: project glean_self_entering glean/cmd.py
"""Shaped like glean 1.25.1's glean/cmd.py: safe_open(). The tests patch glean.cmd.open with
a plain mock, but its handles return themselves from __enter__(): with is safe."""
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
