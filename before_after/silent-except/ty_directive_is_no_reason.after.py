# case: unsafe
"""Shaped like dagster's reconstruct.py: the comment is the ty type checker's directive."""
import logging

LOG = logging.getLogger(__name__)


def reconstruct(pointer, load):
    try:
        return load(pointer)  # ty: ignore[invalid-argument-type]
    except Exception:
        LOG.debug("Ignoring exception in reconstruct()", exc_info=True)
    return None
