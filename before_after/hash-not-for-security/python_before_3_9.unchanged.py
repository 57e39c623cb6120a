# case: unsafe
# case: oldest-python 3.8
# case: refuses the project supports Python 3.8, whose hashlib takes no usedforsecurity
"""A project on Python 3.8: usedforsecurity= would raise TypeError there."""

import hashlib


def cache_key(url):
    return hashlib.md5(url.encode('utf-8')).hexdigest()
