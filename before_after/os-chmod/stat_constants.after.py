# case: unsafe
import os
import stat
from stat import S_IRUSR, S_IWUSR


def share(path):
    os.chmod(path, stat.S_IRWXU | stat.S_IROTH | stat.S_IXOTH)
    os.chmod(path, S_IRUSR | S_IWUSR)
    os.chmod(path, stat.S_IRUSR)
