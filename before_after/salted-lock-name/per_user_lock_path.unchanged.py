"""tobiko's common._lockutils.lock: inter-worker locks of one user's pytest run.

The lock files live below the user's home directory, where no other user
can create them first: keying their names protects nothing.
"""
# case: refuses the lock files live in the user's own directory (~/.tobiko/cache/lock)
# case: refuses the lock files live in the user's own directory (~): no other user
import contextlib
import os

from oslo_concurrency import lockutils


@contextlib.contextmanager
def lock(name):
    lock_path = os.path.expanduser('~/.tobiko/cache/lock')
    os.makedirs(lock_path, exist_ok=True)
    ext_lock = lockutils.external_lock(name,
                                       lock_file_prefix='tobiko',
                                       lock_path=lock_path)
    gotten = ext_lock.acquire(delay=0.01, blocking=True)
    if not gotten:
        raise lockutils.AcquireLockFailedException(name)
    try:
        yield ext_lock
    finally:
        ext_lock.release()


def forget(name):
    lockutils.remove_external_lock_file(
        name, lock_file_prefix='tobiko',
        lock_path=os.path.join(os.path.expanduser('~'), '.tobiko', 'cache', 'lock'))
