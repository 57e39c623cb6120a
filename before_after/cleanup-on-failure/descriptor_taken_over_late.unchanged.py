# case: unsafe
# case: refuses os.fdopen() takes fd over and releases it, so a release after it would release it twice
import os


def write_pidfile(path, pid):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.fchmod(fd, 0o644)
    with os.fdopen(fd, "w") as f:
        f.write(str(pid))
    return True
