# case: unsafe
# case: refuses would not fit in 79 columns
import xml.etree.ElementTree as ET


def firmware_versions(response):
    return [node.text for node in ET.fromstring(response.content).iter('version')]
