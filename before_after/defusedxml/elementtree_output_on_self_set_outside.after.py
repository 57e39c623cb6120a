"""cyclonedx-python-lib's output/xml.py, where code outside the class sets the text too."""
from xml.etree.ElementTree import tostring as xml_dumps

import defusedxml.minidom


class Xml:
    def __init__(self, bom):
        self._bom = bom
        self._bom_xml: str = ''

    def generate(self):
        self._bom_xml = '<?xml version="1.0" ?>\n' + xml_dumps(self._bom.as_xml())

    def pretty(self):
        return defusedxml.minidom.parseString(self._bom_xml).toprettyxml()


def load(path):
    # case: unsafe
    output = Xml(None)
    with open(path) as stream:
        output._bom_xml = stream.read()
    return output.pretty()
