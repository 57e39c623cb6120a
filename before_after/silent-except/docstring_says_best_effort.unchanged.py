# case: unsafe
# case: refuses the function's docstring says it swallows failures on purpose
"""Shaped like celery's utils/threads.py: bounding sockets before a teardown."""
import logging

LOG = logging.getLogger(__name__)


def bound_open_sockets(sockets, timeout):
    """Set a timeout on every socket already open.

    Best effort: never raises, as both callers are teardown paths.
    """
    for sock in sockets:
        try:
            sock.settimeout(timeout)
        except Exception:
            pass
