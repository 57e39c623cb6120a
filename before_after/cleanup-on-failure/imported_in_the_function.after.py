# case: unsafe
"""Shaped like python-gnupg: tempfile and shutil imported where they are used."""
import os


def verify(data):
    import tempfile

    fd, fn = tempfile.mkstemp(prefix='pygpg-')
    try:
        os.write(fd, data)
    finally:
        os.close(fd)
    return fn


def scratch(work):
    import shutil
    import tempfile
    path = tempfile.mkdtemp()
    try:
        work(path)
    finally:
        shutil.rmtree(path)
