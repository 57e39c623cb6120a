# case: unsafe
"""Shaped like virtualbmc's vbmc.py, where the helper may read a file instead."""

import defusedxml.ElementTree


class VirtualBMC:
    def get_xml_desc(self, domain, path=None):
        if path:
            with open(path) as stream:
                return stream.read()
        return domain.XMLDesc()

    def get_boot_device(self, domain, path):
        text = self.get_xml_desc(domain, path)
        return defusedxml.ElementTree.fromstring(text).find('.//os/boot')
