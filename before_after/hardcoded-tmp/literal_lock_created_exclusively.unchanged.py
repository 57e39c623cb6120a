# case: unsafe
# case: refuses created exclusively (O_EXCL), so no link is followed, but another user can create it first
# case: refuses every holder must agree on the name
"""A variant of httpie's utils.open_with_lockfile(): a fixed lock file in /tmp, opened
with mode "xb" (O_CREAT | O_EXCL) by a function named for a lock."""
import os


def acquire_lock():
    lock_path = "/tmp/httpie-update.lock"
    with open(lock_path, "xb") as lock:
        lock.write(str(os.getpid()).encode())
