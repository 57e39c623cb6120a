# case: unsafe
"""Reads libvirt domain XML."""

import logging
from xml.dom.minidom import parseString

LOG = logging.getLogger(__name__)


def devices(domain_xml):
    return parseString(domain_xml).firstChild
