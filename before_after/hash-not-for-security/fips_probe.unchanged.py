# case: ignores the call finds out whether FIPS forbids MD5, and its handler passes
# usedforsecurity itself (s3cmd's BaseUtils)
import functools
from hashlib import md5

try:
    md5()
except ValueError:
    md5 = functools.partial(md5, usedforsecurity=False)
