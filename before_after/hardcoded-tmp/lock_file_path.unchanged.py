# case: unsafe
# case: refuses a lock file processes meet at: its fixed name is the point
"""Shaped like optuna's testing storages: parallel test processes take turns on a port."""
import fcntl


def find_free_port():
    lock_path = "/tmp/optuna_find_free_port.lock"
    with open(lock_path, "w") as lockfile:
        fcntl.flock(lockfile, fcntl.LOCK_EX)
        return pick_port()
