# case: unsafe
# case: refuses a comment documents that the exception is ignored on purpose
"""Shaped like carbon's instrumentation.py: the comment on the try says where the call
works, so elsewhere it fails, and that is expected."""
import logging

logger = logging.getLogger(__name__)


def getMemUsage():
    with open('/proc/self/statm') as statm:
        return int(statm.read().split()[1])


def record_stats(record):
    try:  # This only works on Linux
        record('memUsage', getMemUsage())
    except Exception:
        pass


def set_priority(os):
    try:
        os.nice(5)  # POSIX-only
    except Exception:
        pass
