# case: unsafe
"""A variant of python-cas's cas.py: the emptied try was all its block held, so the
block keeps a pass; a try the module wrote to do nothing stays."""
import logging

logger = logging.getLogger(__name__)


def parse(response, strict):
    if strict:
        try:
            from xml.etree import ElementTree
        except ImportError:
            from elementtree import ElementTree
    else:
        # lenient
        try:
            from xml.etree import ElementTree
        except ImportError:
            from elementtree import ElementTree
    return ElementTree.fromstring(response)


def probe():
    try:
        pass
    except ImportError:
        pass
    return logger
