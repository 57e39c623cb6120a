"""Shaped like certbot's compat/filesystem.py: its pylint allows 100 columns."""
import os


def open_private(file_path, flags, mode):
    # General case: we call os.open, let exceptions be thrown, then chmod if all is fine.
    fd = os.open(file_path, flags)
    os.chmod(file_path, mode)
    return fd
