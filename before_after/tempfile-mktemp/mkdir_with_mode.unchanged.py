# case: refuses the name is not opened for writing
import os
import tempfile


def shared_dir():
    path = tempfile.mktemp()
    os.mkdir(path, 0o755)
    return path
