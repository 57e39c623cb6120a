# case: unsafe
"""Shaped like python-gnupg: tempfile and shutil imported where they are used."""
import os


def verify(data):
    import tempfile

    fd, fn = tempfile.mkstemp(prefix='pygpg-')
    os.write(fd, data)
    os.close(fd)
    return fn


def scratch(work):
    import shutil
    import tempfile
    path = tempfile.mkdtemp()
    work(path)
    shutil.rmtree(path)
