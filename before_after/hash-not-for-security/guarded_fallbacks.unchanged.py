# case: unsafe
# case: project guarded_fallbacks pkg/cache.py
# case: refuses the project supports Python 2.7, whose hashlib takes no usedforsecurity
"""A project on Python 2.7 whose own modules pass usedforsecurity= only behind a fallback
(pkg/_compat.py: suds', aws-sam-cli's and s3cmd's shapes), in its tests and in an example:
none of them says it needs Python 3.9, so its classifiers stand."""
import hashlib


def cache_key(url):
    return hashlib.md5(url.encode('utf-8')).hexdigest()
