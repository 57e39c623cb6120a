# case: unsafe
# case: ignores Windows-only code, where os.chmod() reads only the read-only bit
"""Shaped like GitPython's util.py: a read-only file made deletable on Windows."""
import os
import shutil
import stat
import sys


def rmfile(path):
    if os.path.isfile(path):
        if sys.platform == "win32":
            os.chmod(path, 0o777)
        os.remove(path)


def rmtree(path):
    if sys.platform != "win32":
        shutil.rmtree(path)
    else:
        os.chmod(path, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)
        shutil.rmtree(path)
