# case: option log-level=debug
import logging

LOG = logging.getLogger(__name__)


def best_effort(callback):
    try:
        callback()
    except Exception:
        LOG.debug("Ignoring exception in best_effort()", exc_info=True)
