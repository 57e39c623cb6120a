# case: refuses the document begins with the code's own element <stuff>
"""Shaped like docutils' odf_odt writer: raw ODF content wrapped in an element of its own."""
from xml.etree import ElementTree as ET


def parse_raw(attributes, raw):
    contentstr = '<stuff %s>%s</stuff>' % (attributes, raw)
    contentstr = contentstr.encode("utf-8")
    return ET.fromstring(contentstr)
