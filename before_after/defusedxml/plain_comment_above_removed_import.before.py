# case: unsafe
"""A comment about the XML import alone goes with it."""
import logging

# the inventory is XML
import xml.etree.ElementTree as ET

LOG = logging.getLogger(__name__)


def read_inventory(path):
    return list(ET.parse(path).getroot())
