# case: unsafe
"""A client for the protocol of RFC 7230, shaped like a small HTTP cache.

The module cites an RFC, but its digest names a cache entry: nothing says it is for
security, so the citation changes nothing and the call is marked."""

import hashlib


def cache_key(url):
    return hashlib.md5(url.encode('utf-8'), usedforsecurity=False).hexdigest()
