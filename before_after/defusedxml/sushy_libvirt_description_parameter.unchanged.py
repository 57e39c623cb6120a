# case: unsafe
# case: refuses XML the libvirt API wrote
"""Shaped like sushy-tools 2.2.0's libvirtdriver.py: private methods parse their
domain_xml parameter, and every call of them in the module passes the domain's
XMLDesc(), which the libvirt daemon wrote with no DOCTYPE."""
import xml.etree.ElementTree as ET

import libvirt


class LibvirtDriver:
    def _get_domain(self, identity):
        return self._conn.lookupByName(identity)

    def _process_bios_attributes(self, domain_xml, bios_attributes,
                                 update_existing_attributes=False):
        namespace = 'http://openstack.org/xmlns/libvirt/sushy'
        ET.register_namespace('sushy', namespace)
        tree = ET.fromstring(domain_xml)
        metadata = tree.find('metadata')
        return tree, metadata is not None, bios_attributes

    def _process_versions_attributes(
            self, domain_xml, firmware_versions=None,
            update_existing_attributes=False):
        tree = ET.fromstring(domain_xml)
        return tree, False, firmware_versions

    def set_bios(self, identity, bios_attributes):
        domain = self._get_domain(identity)
        result = self._process_bios_attributes(
            domain.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE),
            bios_attributes,
            True)
        return result

    def set_versions(self, identity, firmware_versions):
        domain = self._get_domain(identity)
        result = self._process_versions_attributes(
            domain_xml=domain.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE),
            firmware_versions=firmware_versions)
        return result
