# case: option log-level=exception
# case: unsafe
import logging

LOG = logging.getLogger(__name__)


def best_effort(callback):
    try:
        callback()
    except Exception:
        pass
