# case: unsafe
# case: refuses `session` says this MD5 digest is for security
"""Shaped like paste's session.py: the digest becomes the session id a cookie carries."""

import random
import time
from hashlib import md5


def unique_id(for_object=None):
    r = [time.time(), random.random()]
    if for_object is not None:
        r.append(id(for_object))
    content = str(r).encode("utf8")
    md5_hash = md5(content)
    return md5_hash.hexdigest()
