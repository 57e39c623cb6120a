# case: unsafe
# case: oldest-python 3.9
"""Shaped like refstack's db/sqlalchemy/api.py on Python 3.9: a public key's
row found by its MD5, compared with the column in filter() or passed to a
Django-style get()."""

import hashlib
from base64 import b64decode
from hashlib import sha1


def find_pubkey(session, key):
    digest = hashlib.md5(b64decode(key), usedforsecurity=False).hexdigest()
    return session.query(PubKey).filter(PubKey.md5_hash == digest).first()


def pubkey_record(key):
    return Key.objects.get(sha1=sha1(key, usedforsecurity=False).hexdigest())
