# case: unsafe
# case: oldest-python 3.9
# case: refuses `pkt.code == ACCESS_REQUEST` picks it
# case: refuses or a transport that protects it (TLS)
"""Shaped like pyrad's packet.py (2.6.0): a RADIUS request authenticator.

The `if` around the digest tests the packet's code, so the protocol picks MD5: the advice
leads with the protocol, in words that fit any protocol (no PostgreSQL example here)."""

import hashlib

ACCESS_REQUEST = 1


def authenticator(pkt, secret):
    if pkt.code == ACCESS_REQUEST:
        return hashlib.md5(pkt.header + pkt.attrs + secret).digest()
