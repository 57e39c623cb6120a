# case: unsafe
"""Shaped like mozilla-django-oidc's auth.py (5.0.2): the default username algorithm.

The module's name says auth, but the digest is made a user's name (`username`, a word run
together with `name`), which outranks what the module is for: the call is marked."""

import base64
import hashlib

from django.utils.encoding import force_bytes, smart_str


def default_username_algo(email):
    username = base64.urlsafe_b64encode(hashlib.sha1(force_bytes(email), usedforsecurity=False).digest()).rstrip(b"=")
    return smart_str(username)
