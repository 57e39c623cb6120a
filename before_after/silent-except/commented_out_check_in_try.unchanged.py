"""Shaped like pyvmomi 8.0.3.0.1's pyVmomi/Iso8601.py: the comments in the try are
commented-out code (an ``if`` line, a ``raise``), which documents nothing; the value keeps
its default."""

# case: unsafe
# case: refuses an optional value that keeps its default
import logging

LOG = logging.getLogger(__name__)


def parse(s):
    value = None
    try:
        # if year == 0:
        #   raise Exception('Year cannot be all zeros')
        value = int(s)
    except Exception:
        pass
    return value
