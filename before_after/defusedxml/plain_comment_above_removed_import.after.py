# case: unsafe
"""A comment about the XML import alone goes with it."""
import logging

import defusedxml.ElementTree

LOG = logging.getLogger(__name__)


def read_inventory(path):
    return list(defusedxml.ElementTree.parse(path).getroot())
