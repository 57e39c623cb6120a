# case: refuses an optional value that keeps its default when it cannot be read
"""Shaped like ranger's main(): the crash message gets the current file where it can."""
import logging

LOG = logging.getLogger(__name__)


def crash_message(fm, error):
    exit_msg = "ranger crashed: {0}\n".format(error)
    try:
        exit_msg += "Current file: {0}\n".format(repr(fm.thisfile.path))
    except Exception:
        pass
    return exit_msg
