# case: unsafe
"""Shaped like an OpenStack module with a pylint directive above its XML import: the
directive governs the rest of the module, not that line alone, and stays."""
import logging

# pylint: disable=invalid-name
import xml.etree.ElementTree as ET

LOG = logging.getLogger(__name__)


def read_inventory(path):
    return list(ET.parse(path).getroot())
