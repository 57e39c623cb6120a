# case: unsafe
"""Shaped like virtualbmc's vbmc.py, where the helper may read a file instead."""

import xml.etree.ElementTree as ET


class VirtualBMC:
    def get_xml_desc(self, domain, path=None):
        if path:
            with open(path) as stream:
                return stream.read()
        return domain.XMLDesc()

    def get_boot_device(self, domain, path):
        text = self.get_xml_desc(domain, path)
        return ET.fromstring(text).find('.//os/boot')
