# case: unsafe
"""Shaped like a Python 2 era module: the C parser tried first, under a ``# fmt: off``
that governs the rest of the module; the try goes, the directive stays."""
import logging

# fmt: off
try:
    import xml.etree.cElementTree as ET
except ImportError:
    import xml.etree.ElementTree as ET

LOG = logging.getLogger(__name__)


def parse(text):
    return ET.XML(text)
