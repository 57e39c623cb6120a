# case: unsafe
"""Shaped like python-cas's cas.py: each method imports ElementTree in a Python 2 era
try/except of its own; the whole try goes, not just its imports (leaving try: pass)."""
import logging

import defusedxml.ElementTree

logger = logging.getLogger(__name__)


class CASClientV2:
    @classmethod
    def parse_response_xml(cls, response):
        user = None
        tree = defusedxml.ElementTree.fromstring(response)
        if tree[0].tag.endswith('authenticationSuccess'):
            user = tree[0].find('user').text
        return user


class CASClientV3(CASClientV2):
    def verify_ticket(self, ticket):
        """Verifies CAS 3.0+ XML-based authentication ticket."""

        page = self.fetch_saml_validation(ticket)
        return defusedxml.ElementTree.fromstring(page.content)

    def verify_logout(self, page):
        return defusedxml.ElementTree.fromstring(page)
