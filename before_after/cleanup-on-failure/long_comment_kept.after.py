"""Shaped like certbot's compat/filesystem.py: its pylint allows 100 columns."""
import logging
import os


def open_private(file_path, flags, mode):
    # General case: we call os.open, let exceptions be thrown, then chmod if all is fine.
    fd = os.open(file_path, flags)
    try:
        os.chmod(file_path, mode)
    except BaseException:
        try:
            os.close(fd)
        except Exception:
            logging.getLogger(__name__).exception(
                'Cleanup after a failed open_private() failed')
        raise
    return fd
