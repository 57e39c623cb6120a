# case: unsafe
"""Shaped like an OpenStack module with a pylint directive above its XML import: the
directive governs the rest of the module, not that line alone, and stays."""
import logging

import defusedxml.ElementTree

# pylint: disable=invalid-name
LOG = logging.getLogger(__name__)


def read_inventory(path):
    return list(defusedxml.ElementTree.parse(path).getroot())
