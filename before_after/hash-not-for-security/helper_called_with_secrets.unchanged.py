# case: unsafe
# case: refuses `salt` says this SHA1 digest is for security (salt)
"""Shaped like sqlmap's Firebird wire protocol: an SRP login hashes through a helper."""
import hashlib


def _sha1(*parts):
    h = hashlib.sha1()
    for part in parts:
        h.update(part)
    return h.digest()


def _srp_client_proof(user, password, salt):
    return _sha1(salt, _sha1(user, b":", password))
