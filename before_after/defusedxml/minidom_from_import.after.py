# case: unsafe
"""Reads libvirt domain XML."""

import logging

import defusedxml.minidom

LOG = logging.getLogger(__name__)


def devices(domain_xml):
    return defusedxml.minidom.parseString(domain_xml).firstChild
