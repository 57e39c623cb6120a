# case: unsafe
"""Helpers for temporary files."""

import os
import shutil


def remove_tree(path):
    try:
        shutil.rmtree(path)
    except Exception:
        pass


def remove_file(path):
    try:
        os.unlink(path)
    except Exception:
        pass
