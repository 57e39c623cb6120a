# case: unsafe
# case: refuses would become 0
import os
import stat


def drop_box(path):
    os.chmod(path, stat.S_IWOTH)
