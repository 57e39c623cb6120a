# case: unsafe
# case: refuses `fd0` from os.open() is followed by `fd1`, `fd2`, made the same way, before any is released
"""Shaped like koji's daemonize(): three descriptors, released after all are in place."""
import os


def redirect_standard_streams():
    fd0 = os.open('/dev/null', os.O_RDONLY)
    fd1 = os.open('/dev/null', os.O_RDWR)
    fd2 = os.open('/dev/null', os.O_RDWR)
    os.dup2(fd0, 0)
    os.dup2(fd1, 1)
    os.dup2(fd2, 2)
    os.close(fd0)
    os.close(fd1)
    os.close(fd2)
