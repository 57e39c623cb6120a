# case: unsafe
# case: refuses sys.exc_clear() exists only in Python 2
"""Shaped like circus's stream redirector: a Python 2 shim that fails on every pass."""
import logging
import sys

LOG = logging.getLogger(__name__)


def drain(pipes):
    for pipe in pipes:
        try:
            pipe.read()
        except OSError:
            try:
                sys.exc_clear()
            except Exception:
                pass
            continue
