# case: unsafe
# case: refuses the line would be longer than 79
import os
import stat


def share(a_long_path_name):
    os.chmod(a_long_path_name, stat.S_IRUSR | stat.S_IWUSR | stat.S_IRWXO)
