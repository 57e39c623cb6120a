# case: unsafe
"""Shaped like a Python 2 era module: the C parser tried first, under a ``# fmt: off``
that governs the rest of the module; the try goes, the directive stays."""
import logging

import defusedxml.ElementTree

# fmt: off
LOG = logging.getLogger(__name__)


def parse(text):
    return defusedxml.ElementTree.XML(text)
