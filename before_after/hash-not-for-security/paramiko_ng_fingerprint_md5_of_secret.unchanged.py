# case: unsafe
# case: refuses `PKey` says this MD5 digest is for security (pkey): use SHA-256
"""Shaped like paramiko-ng's pkey.py (2.9.0), but what the method named for MD5 hashes
says security itself: its name does not make the digest its callers' business."""

from hashlib import md5


class PKey(object):
    def get_header_md5(self):
        return md5(self.signature_header).hexdigest()
