# case: refuses the next statement creates the name with os.symlink()
"""Shaped like mercurial's posix.py: a symlink made under a fresh name, retried on a clash."""
import os
import tempfile


def make_link(target, folder):
    name = tempfile.mktemp(dir=folder, prefix="checklink-")
    os.symlink(target, name)
    return name
