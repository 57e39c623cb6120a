# case: unsafe
"""A variant of python-cas's cas.py: the emptied try was all its block held, so the
block keeps a pass; a try the module wrote to do nothing stays."""
import logging

import defusedxml.ElementTree

logger = logging.getLogger(__name__)


def parse(response, strict):
    if strict:
        pass
    else:
        # lenient
        pass
    return defusedxml.ElementTree.fromstring(response)


def probe():
    try:
        pass
    except ImportError:
        pass
    return logger
