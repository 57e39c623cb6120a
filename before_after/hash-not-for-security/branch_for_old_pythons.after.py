# case: unsafe
# case: oldest-python 3.9
"""A version branch for the Pythons before 3.6 whose hashlib takes no usedforsecurity:
only the branch for the newer ones takes the keyword."""

import hashlib
import sys


def checksum(data):
    if sys.version_info < (3, 6):
        return hashlib.md5(data).hexdigest()
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def etag(data):
    if sys.version_info >= (3, 6):
        return hashlib.sha1(data, usedforsecurity=False).hexdigest()
    else:
        return hashlib.sha1(data).hexdigest()
