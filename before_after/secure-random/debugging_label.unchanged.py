# case: unsafe
# case: ignores a value its comment calls a debugging label (noted where a report asks)
"""Shaped like exchangelib's protocol.py: a session's number for its log lines."""
import logging
import random

log = logging.getLogger(__name__)


def create_session(session):
    session.session_id = random.randint(10000, 99999)  # Used for debugging messages in services
    log.debug("Created session %s", session.session_id)
    return session
