# case: unsafe
# case: oldest-python 2.7
# case: refuses `password` says this MD5 digest is for security
"""Shaped like pyghmi's IPMI 1.5 session: a digest of the password, in a 2.7 project.

The reason must be the security one: a helper for old Pythons would mark it
not for security.
"""

import hashlib


def authcode(password, sessdata, payload):
    bodydata = password + sessdata + payload + password
    return hashlib.md5(bodydata).digest()
