# case: unsafe
import os
import tempfile as tmp


def workdir(base):
    path = tmp.mktemp(dir=base)
    os.mkdir(path)
    return path
