# case: unsafe
# case: refuses `hashed_body, hashed again with token,` says this SHA1 digest is for security (token)
# case: refuses `body_digest, hashed again into signature,` says this MD5 digest is for security (sign
"""Shaped like dns-lexicon's NFSN provider: the body's digest is joined with the token and
hashed again into the request's authentication header."""
import hashlib


def _request_list(body, token):
    hashed_body = hashlib.sha1(body.encode()).hexdigest()
    hash_items = [token, hashed_body]
    auth_hash = hashlib.sha1(";".join(hash_items).encode()).hexdigest()
    return auth_hash


def _request_tuple(body, timestamp):
    body_digest = hashlib.md5(body.encode()).hexdigest()
    parts = (timestamp, body_digest)
    signature = hashlib.md5(":".join(parts).encode()).hexdigest()
    return signature
