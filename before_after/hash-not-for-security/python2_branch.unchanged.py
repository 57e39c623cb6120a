# case: unsafe
# case: oldest-python 2.6
# case: ignores a digest in a Python 2 branch cannot take the keyword; the Python 3 branch gets the advice
"""Shaped like ranger's sha1_encode(): a preview cache's file name on either Python."""
import os
from hashlib import sha1
from sys import version_info


def sha1_encode(cachedir, path):
    if version_info[0] < 3:
        return os.path.join(cachedir, sha1(path).hexdigest()) + '.jpg'
    return os.path.join(cachedir, path + '.jpg')
