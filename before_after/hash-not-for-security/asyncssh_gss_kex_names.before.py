# case: unsafe
# case: oldest-python 3.10
# case: refuses usedforsecurity=False would not fit in 79 columns
"""Shaped like asyncssh's kex.py (2.24.1): GSS key exchange method names.

RFC 4462 section 2 names a GSS key exchange method `gss-<kex>-` plus the base64 of the MD5
of the mechanism's OID (RFC 8732's methods take the same suffix). The digest is joined to an
algorithm's name and the name put in a list of names or returned as one: an identifier,
which outranks the `kex` of the function's (and the module's) name. A plain md5() raises on
FIPS builds and breaks GSS key exchange there: the calls are marked (asyncssh's own line,
too deep for the keyword in 79 columns, gets it by hand)."""

import binascii
from hashlib import md5
from typing import List, Sequence


def expand_kex_algs(kex_algs: Sequence[bytes], mechs: Sequence[bytes],
                    host_key_available: bool) -> List[bytes]:
    """Add mechanisms to GSS entries in key exchange algorithm list"""

    expanded_kex_algs: List[bytes] = []

    for alg in kex_algs:
        if alg.startswith(b'gss-'):
            for mech in mechs:
                suffix = b'-' + binascii.b2a_base64(md5(mech).digest())[:-1]
                expanded_kex_algs.append(alg + suffix)
        elif host_key_available:
            expanded_kex_algs.append(alg)

    return expanded_kex_algs


def expand_gss_kex_alg(alg: bytes, mechs: Sequence[bytes]) -> List[bytes]:
    """Add mechanisms to one GSS key exchange algorithm"""

    names = []
    for mech in mechs:
        suffix = binascii.b2a_base64(md5(mech).digest())[:-1]
        names.append(alg + b'-' + suffix)
    return names


def gss_kex_name(alg: bytes, mech: bytes) -> bytes:
    """The name of one GSS key exchange method"""

    digest = md5(mech).digest()
    return alg + b'-' + binascii.b2a_base64(digest)[:-1]
