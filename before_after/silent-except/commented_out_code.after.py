# case: unsafe
"""Commented-out code in the handler documents no decision to swallow."""
import logging

logger = logging.getLogger(__name__)


def attach(process, parsers):
    try:
        parsers.append(process.open())
    except Exception:
        #import traceback
        #traceback.print_exc()
        logger.debug("Ignoring exception in attach()", exc_info=True)
