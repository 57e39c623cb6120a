# case: refuses os.makedirs() raises where the directory exists, which is routine here
"""Shaped like pywb's autoindex and WARC writer: the directory is made each time."""
import logging
import os

LOG = logging.getLogger(__name__)


def open_file(directory, name):
    try:
        os.makedirs(directory)
    except Exception:
        pass
    return open(os.path.join(directory, name), "ab")
