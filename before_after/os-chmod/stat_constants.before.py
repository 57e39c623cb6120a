# case: unsafe
import os
import stat
from stat import S_IRUSR, S_IWOTH, S_IWUSR


def share(path):
    os.chmod(path, stat.S_IRWXU | stat.S_IRWXO)
    os.chmod(path, S_IRUSR | S_IWUSR | S_IWOTH)
    os.chmod(path, stat.S_IRUSR | stat.S_IWGRP | stat.S_IWOTH)
