# case: unsafe
import xml.etree.cElementTree as ET


def root_of(text):
    return ET.XML(text)
