# case: unsafe
# case: refuses parses what ElementTree.tostring() wrote from an element
"""Shaped like dnsrecon's prettify()."""
from xml.dom import minidom
from xml.etree import ElementTree


def prettify(element):
    rough_string = ElementTree.tostring(element, "utf-8")
    reparsed = minidom.parseString(rough_string)
    return reparsed.toprettyxml(indent="    ")


def prettify_at_once(element):
    return minidom.parseString(ElementTree.tostring(element)).toprettyxml()
