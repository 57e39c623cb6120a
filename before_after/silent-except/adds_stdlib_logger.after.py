# case: unsafe
"""Helpers for temporary files."""

import logging
import os
import shutil

LOG = logging.getLogger(__name__)


def copy_tree(source, target):
    try:
        shutil.copytree(source, target)
    except Exception:
        LOG.debug("Ignoring exception in copy_tree()", exc_info=True)


def touch(path):
    try:
        os.utime(path)
    except Exception:
        LOG.debug("Ignoring exception in touch()", exc_info=True)
