# case: unsafe
"""Shaped like sushy-tools' libvirtdriver.py, but one call of the private method passes
XML read from a request, not the domain's XMLDesc(): the parse is not libvirt's alone."""

import defusedxml.ElementTree


class LibvirtDriver:
    def _process_versions_attributes(self, domain_xml, firmware_versions=None):
        tree = defusedxml.ElementTree.fromstring(domain_xml)
        return tree, firmware_versions

    def set_versions(self, domain, firmware_versions):
        return self._process_versions_attributes(domain.XMLDesc(0), firmware_versions)

    def import_versions(self, request_body):
        return self._process_versions_attributes(request_body)
