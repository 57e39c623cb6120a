# case: option log-level=debug
import logging

LOG = logging.getLogger(__name__)


def best_effort(callback):
    try:
        callback()
    except Exception:
        pass
