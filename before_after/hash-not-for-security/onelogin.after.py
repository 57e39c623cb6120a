# case: unsafe
"""Shaped like python3-saml's utils (package onelogin): the project's name in a class name
says no "login"."""
from hashlib import sha1
from uuid import uuid4


class OneLogin_Saml2_Utils:
    @staticmethod
    def generate_unique_id():
        return 'ONELOGIN_%s' % sha1(uuid4().hex.encode(),
                                    usedforsecurity=False).hexdigest()
