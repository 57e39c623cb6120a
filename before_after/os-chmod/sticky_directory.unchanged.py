# case: unsafe
# case: refuses has the sticky bit
import os


def make_spool(path):
    os.mkdir(path)
    os.chmod(path, 0o1777)
