# case: unsafe
# case: refuses passes its own parser, which defusedxml would use as it is
import xml.etree.ElementTree as ET


def read(path, parser):
    return ET.parse(path, parser)
