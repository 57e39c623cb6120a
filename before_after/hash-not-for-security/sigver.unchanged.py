# case: unsafe
# case: refuses `sigver` says this SHA1 digest is for security
"""A digest in the module that checks signatures: its purpose is the module's."""

import hashlib


def sha1_digest(msg):
    return hashlib.sha1(msg).digest()
