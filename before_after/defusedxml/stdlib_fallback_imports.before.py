# case: unsafe
import logging

try:
    import xml.etree.cElementTree as ET
except ImportError:
    import xml.etree.ElementTree as ET

LOG = logging.getLogger(__name__)


def parse(text):
    return ET.XML(text)
