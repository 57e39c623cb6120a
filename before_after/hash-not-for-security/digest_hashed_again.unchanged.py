# case: unsafe
# case: refuses `ha2, hashed again with nonce,` says this MD5 digest is for security (nonce)
"""Shaped like pyatv's RTSP digest authentication (RFC 2617): ha2 goes into the response."""
from hashlib import md5


def digest_response(method, uri, ha1, nonce):
    ha2 = md5(f"{method}:{uri}".encode("utf-8")).hexdigest()
    return md5(f"{ha1}:{nonce}:{ha2}".encode("utf-8")).hexdigest()
