"""Each of these passes usedforsecurity= only where the Python takes it: none says the
project needs Python 3.9."""
import hashlib
import sys

# suds' reader.py: a TypeError falls back to the call without it
try:
    hashlib.md5(usedforsecurity=False)

    def md5(data=b""):
        return hashlib.md5(data, usedforsecurity=False)
except TypeError:
    md5 = hashlib.md5


# aws-sam-cli's _get_md5(): a branch for each side of 3.9
def get_md5(data=b""):
    if sys.version_info >= (3, 9):
        return hashlib.md5(data, usedforsecurity=False)
    return hashlib.md5(data)


def _new_sha1():
    return hashlib.sha1(usedforsecurity=False)


# a probe: the function that passes it is called under a try that catches TypeError
try:
    _new_sha1()
    sha1 = _new_sha1
except TypeError:
    sha1 = hashlib.sha1


# s3cmd's: only where FIPS mode refuses md5() does the handler pass it
def fips_md5(data=b""):
    try:
        return hashlib.md5(data)
    except ValueError:
        return hashlib.md5(data, usedforsecurity=False)
