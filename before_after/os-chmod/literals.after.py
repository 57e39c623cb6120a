# case: unsafe
import os


def publish(path, handle):
    os.chmod(path, 0o755)
    os.chmod(path, 0o644)
    os.chmod(path, 0o2755)
    os.chmod(path, 0o755)
    os.chmod(path, mode=0o755)
    os.fchmod(handle.fileno(), 0o754)
