# case: unsafe
"""Shaped like python-cas's cas.py: each method imports ElementTree in a Python 2 era
try/except of its own; the whole try goes, not just its imports (leaving try: pass)."""
import logging

logger = logging.getLogger(__name__)


class CASClientV2:
    @classmethod
    def parse_response_xml(cls, response):
        try:
            from xml.etree import ElementTree
        except ImportError:
            from elementtree import ElementTree

        user = None
        tree = ElementTree.fromstring(response)
        if tree[0].tag.endswith('authenticationSuccess'):
            user = tree[0].find('user').text
        return user


class CASClientV3(CASClientV2):
    def verify_ticket(self, ticket):
        """Verifies CAS 3.0+ XML-based authentication ticket."""

        try:
            from xml.etree import ElementTree
        except ImportError:
            from elementtree import ElementTree

        page = self.fetch_saml_validation(ticket)
        return ElementTree.fromstring(page.content)

    def verify_logout(self, page):
        from xml.etree import ElementTree
        return ElementTree.fromstring(page)
