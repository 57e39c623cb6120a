"""cyclonedx-python-lib's output/xml.py: the XML prolog and ElementTree.tostring() kept on self."""
# case: unsafe
# case: refuses parses what ElementTree.tostring() wrote from an element
from xml.dom.minidom import parseString as dom_parseString
from xml.etree.ElementTree import tostring as xml_dumps


class Xml:
    def __init__(self, bom):
        self._bom = bom
        self._bom_xml: str = ''

    def generate(self):
        self._bom_xml = '<?xml version="1.0" ?>\n' + xml_dumps(
            self._bom.as_xml(), method='xml', encoding='unicode')

    def output_as_string(self, indent=None):
        self.generate()
        return self._bom_xml if indent is None else dom_parseString(
            self._bom_xml).toprettyxml(indent=indent)
