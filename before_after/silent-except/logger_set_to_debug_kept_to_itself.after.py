# case: unsafe
"""Shaped like oci-cli's cli_metrics.py, but the logger at DEBUG keeps its records to its
NullHandler (propagate = False): its debug lines show nowhere unless a handler is added."""
import logging
import os

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())
logger.setLevel(logging.DEBUG)
logger.propagate = False


def remove_lock(path):
    try:
        os.remove(path)
    except Exception:
        logger.debug("Ignoring exception in remove_lock()", exc_info=True)
