# case: unsafe
"""Helpers for temporary files."""

import os
import shutil


def copy_tree(source, target):
    try:
        shutil.copytree(source, target)
    except Exception:
        pass


def touch(path):
    try:
        os.utime(path)
    except Exception:
        pass
