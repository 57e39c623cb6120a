# case: unsafe
import os


def publish(path, handle):
    os.chmod(path, 0o777)
    os.chmod(path, 0o666)
    os.chmod(path, 0o2777)
    os.chmod(path, 511)
    os.chmod(path, mode=0x1FF)
    os.fchmod(handle.fileno(), 0o776)
