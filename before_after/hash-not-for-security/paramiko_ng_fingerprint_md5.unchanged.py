# case: unsafe
# case: refuses `get_fingerprint_md5` promises MD5 by its name
# case: refuses get_fingerprint_sha256_b64
"""Shaped like paramiko-ng's pkey.py (2.9.0): a public method named for the algorithm it
returns. Only the class name `PKey` says security; the method's name (and its documented
16-byte return) make MD5 its API, and its SHA-256 sibling is just above it."""

import base64
from hashlib import md5, sha256


class PKey(object):
    def get_fingerprint_sha256_b64(self):
        """
        Return a SHA256 fingerprint of the public part of this key, base64 encoded
        without '=' padding. Nothing secret is revealed.
        """
        fingerprint = sha256(self.asbytes()).digest()
        return base64.b64encode(fingerprint)[:-1].decode()

    def get_fingerprint_md5(self):
        """
        Return an MD5 fingerprint of the public part of this key.
        Nothing secret is revealed.

        :return:
            a 16-byte `bytes`
        """
        return md5(self.asbytes()).digest()
