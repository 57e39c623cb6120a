# case: unsafe
"""Shaped like ansible-core's file_lock(): the with block runs at the yield."""
import contextlib
import fcntl
import os


@contextlib.contextmanager
def file_lock(lock_path):
    lock_fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.lockf(lock_fd, fcntl.LOCK_EX)
        yield
        fcntl.lockf(lock_fd, fcntl.LOCK_UN)
    finally:
        os.close(lock_fd)
