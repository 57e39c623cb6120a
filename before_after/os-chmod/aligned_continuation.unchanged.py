# case: unsafe
# case: refuses or would shift an aligned continuation line
import os
import stat


def publish(path, names):
    # The new mode is longer: the bracket the next line is aligned under moves.
    return os.chmod(path, stat.S_IRWXU | stat.S_IRWXO) or names.index(path, [0,
                                                                           1])
