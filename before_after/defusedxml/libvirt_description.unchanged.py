# case: unsafe
# case: refuses XML the libvirt API wrote
"""Shaped like virtualbmc's vbmc.py: the domain's XML comes from the libvirt daemon."""
import xml.etree.ElementTree as ET

import libvirt


class VirtualBMC:
    def __init__(self, domain_name):
        self.domain_name = domain_name

    # Copied from nova/virt/libvirt/guest.py
    def get_xml_desc(self, domain, dump_sensitive=False):
        flags = dump_sensitive and libvirt.VIR_DOMAIN_XML_SECURE or 0
        return domain.XMLDesc(flags=flags)

    def get_boot_device(self, conn):
        domain = conn.lookupByName(self.domain_name)
        boot_element = ET.fromstring(domain.XMLDesc()).find('.//os/boot')
        return None if boot_element is None else boot_element.attrib.get('dev')

    def set_boot_device(self, conn, device):
        domain = conn.lookupByName(self.domain_name)
        tree = ET.fromstring(
            self.get_xml_desc(domain, dump_sensitive=True))
        for os_element in tree.findall('os'):
            ET.SubElement(os_element, 'boot', {'dev': device})
        conn.defineXML(ET.tostring(tree).decode())

    def snapshot_names(self, domain):
        return [
            ET.fromstring(snapshot.getXMLDesc()).findtext('name')
            for snapshot in domain.listAllSnapshots()
        ]
