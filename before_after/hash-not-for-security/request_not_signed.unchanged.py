# case: unsafe
# case: oldest-python 3.9
# case: refuses `password` says this MD5 digest is for security (password): use SHA-256 or better
"""Shaped like a provider's login that keeps a password digest and calls the service.

The function sends a request with headers, but the digest goes into no mapping the
request sends: it is kept, so no service's API fixes the hash and the advice is SHA-256."""

import hashlib

import requests


def login(self, url, password):
    self.password_digest = hashlib.md5(password.encode("utf-8")).hexdigest()
    headers = {"User-Agent": "client/1.0"}
    response = requests.get(url, headers=headers, timeout=60)
    return response.json()
