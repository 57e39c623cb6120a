# case: unsafe
import os
import tempfile as tmp


def workdir(base):
    path = tmp.mkdtemp(dir=base)
    return path
