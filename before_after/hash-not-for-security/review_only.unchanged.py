# case: refuses MD5 here names no secret
import hashlib


def cache_key(url):
    return hashlib.md5(url.encode('utf-8')).hexdigest()
