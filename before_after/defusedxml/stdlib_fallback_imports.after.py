# case: unsafe
import logging

import defusedxml.ElementTree

LOG = logging.getLogger(__name__)


def parse(text):
    return defusedxml.ElementTree.XML(text)
