# case: refuses a fallback follows: the try returns when it works
"""Shaped like txaio's _iotype.py: a second probe follows the first, then the default."""
import logging

LOG = logging.getLogger(__name__)


def guess_binary(fileobj, default=None):
    try:
        return fileobj.read(0) == b""
    except Exception:
        pass
    try:
        return "b" in fileobj.mode
    except Exception:
        pass
    return default
