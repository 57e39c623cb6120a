# case: unsafe
"""Digests that only name things."""

import hashlib
import hashlib as hl
from hashlib import md5


def cache_key(url):
    return hashlib.md5(url.encode('utf-8'), usedforsecurity=False).hexdigest()


def short_name(prefix, value):
    checksum = md5(value, usedforsecurity=False).hexdigest()[:8]
    etag = hl.sha1(value, usedforsecurity=False).hexdigest()
    return '%s-%s-%s' % (prefix, checksum, etag)


def chunk_digest(data):
    digest = hashlib.new('MD5', usedforsecurity=False)
    digest.update(data)
    return digest.hexdigest(), hashlib.new(name='sha1', data=data,
                                           usedforsecurity=False).digest()


class AssumeRoleCredentialFetcher:
    """Shaped like botocore's: the class says credential, the method says cache key."""

    def _create_cache_key(self, args):
        return hashlib.sha1(args.encode('utf-8'),
                            usedforsecurity=False).hexdigest()


def css_hash(css):
    """Shaped like datasette's: the slice's bracket hangs, nothing is aligned to it."""
    return hashlib.sha1(css, usedforsecurity=False).hexdigest()[
        :6
    ]
