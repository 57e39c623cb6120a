# case: unsafe
# case: oldest-python 3.9
# case: refuses `salt` says this SHA1 digest is for security (salt), and the docstring of `nsec3_hash` cites RFC 5155: the protocol the code implements fixes SHA1
# case: refuses the docstring of `nsec3_hash` cites RFC 5155
"""Shaped like dnspython's dns/dnssec.py (2.9.2): the NSEC3 hash.

The docstring cites the RFC by its address (tools.ietf.org/html/rfc5155), not in words;
an RFC's address is a citation as well, and NSEC3 fixes SHA-1: the advice leads with the
protocol, not with "use SHA-256"."""

import base64
import hashlib


def nsec3_hash(domain, salt, iterations, algorithm=1):
    """
    Calculate the NSEC3 hash, according to
    https://tools.ietf.org/html/rfc5155#section-5

    :param salt: The hash salt.
    """
    if algorithm != 1:
        raise ValueError("Wrong hash algorithm (only SHA1 is supported)")
    salt_encoded = bytes.fromhex(salt) if salt else b""
    digest = hashlib.sha1(domain + salt_encoded).digest()
    for _ in range(iterations):
        digest = hashlib.sha1(digest + salt_encoded).digest()
    return base64.b32hexencode(digest).decode("utf-8")
