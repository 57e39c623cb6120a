# case: refuses ET.fromstring is defusedxml.ElementTree.fromstring where defusedxml is installed
"""Shaped like insights-core's insights/core/__init__.py, whose other modules import ET
from it: the stdlib parser is only the fallback where defusedxml is missing."""
import logging

# Import defusedxml.ElementTree firstly to avoid XML vulnerabilities,
# if dependency not installed import xml.etree.ElementTree instead.
try:
    import defusedxml.ElementTree as ET
except ImportError:  # pragma: no cover
    import xml.etree.ElementTree as ET

log = logging.getLogger(__name__)


def parse(content):
    return ET.fromstring("\n".join(content))
