# case: unsafe
"""Shaped like pyvmomi's commented-out year check: an ``if`` line of commented-out code
in the handler is code too, and documents no decision to swallow."""
import logging

logger = logging.getLogger(__name__)


def refresh(session, retries):
    try:
        session.renew()
    except Exception:
        # if retries > 3:
        #     raise
        pass
