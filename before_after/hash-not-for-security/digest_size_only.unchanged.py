# case: unsafe
# case: refuses only reads digest_size of an empty SHA1 object: nothing is hashed
"""Shaped like paramiko's HostKeys.hash_host(): OpenSSH's hashed known_hosts format."""
import hmac
import os
from hashlib import sha1


def hash_host(hostname, salt=None):
    if salt is None:
        salt = os.urandom(sha1().digest_size)
    assert len(salt) == sha1().digest_size
    return hmac.new(salt, hostname.encode(), sha1).digest()
