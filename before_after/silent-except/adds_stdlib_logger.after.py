# case: unsafe
"""Helpers for temporary files."""

import logging
import os
import shutil

LOG = logging.getLogger(__name__)


def remove_tree(path):
    try:
        shutil.rmtree(path)
    except Exception:
        LOG.exception("Ignoring exception in remove_tree()")


def remove_file(path):
    try:
        os.unlink(path)
    except Exception:
        LOG.exception("Ignoring exception in remove_file()")
