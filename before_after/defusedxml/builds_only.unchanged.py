# case: ignores building XML parses nothing; Bandit's B405 is only the import
import xml.etree.ElementTree as ET


def to_xml(name):
    root = ET.Element('server')
    ET.SubElement(root, 'name').text = name
    return ET.tostring(root)
