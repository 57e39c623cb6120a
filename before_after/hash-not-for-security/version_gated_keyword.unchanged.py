# case: unsafe
# case: ignores the other branch of a version check passes usedforsecurity=False (noted where a report asks)
"""Shaped like aws-sam-cli's hash utilities and dagster's security module."""
import hashlib
import sys


def _get_md5():
    if sys.version_info >= (3, 9):
        return hashlib.md5(usedforsecurity=False)
    else:
        return hashlib.md5()


def non_secure_md5_hash_str(s):
    """Drop in replacement md5 hash function marking it for a non-security purpose."""
    if sys.version_info[0] <= 3 and sys.version_info[1] <= 8:
        return hashlib.md5(s).hexdigest()
    else:
        return hashlib.md5(s, usedforsecurity=False).hexdigest()
