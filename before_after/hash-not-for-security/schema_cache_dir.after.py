# case: unsafe
import hashlib
import os


def cache_directory(options, home_dir='~/.glanceclient'):
    path_prefix = os.path.expanduser(home_dir)
    if options.os_auth_url:
        hash_host = hashlib.sha1(options.os_auth_url.encode('utf-8'),
                                 usedforsecurity=False)
        path_prefix = os.path.join(path_prefix, hash_host.hexdigest())
    return path_prefix
