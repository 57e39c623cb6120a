# case: unsafe
# case: oldest-python 3.8
# case: refuses the project supports Python 3.8, whose hashlib takes no usedforsecurity
# case: refuses the MD5 digest is a lookup key, not a protection: `filter_by(md5_hash=...)` finds
"""Shaped like refstack's db/sqlalchemy/api.py: the MD5 of a public key is the indexed
``md5_hash`` column the key's row is found by, not a check of the key."""

import base64
import hashlib

from refstack.db.sqlalchemy import models


def get_pubkey(key):
    """Get the pubkey info corresponding to the given public key.

    The md5 hash of the key is used for the query for quicker lookups.
    """
    with get_session() as session:
        md5_hash = hashlib.md5(base64.b64decode(key)).hexdigest()
        pubkeys = (session.query(models.PubKey)
                   .filter_by(md5_hash=md5_hash).all())

    if len(pubkeys) == 1:
        return pubkeys[0]
    elif len(pubkeys) > 1:
        for pubkey in pubkeys:
            if pubkey['pubkey'] == key:
                return pubkey
    return None


def store_pubkey(pubkey_info):
    """Store public key in to DB."""
    pubkey = models.PubKey()
    pubkey.openid = pubkey_info['openid']
    pubkey.pubkey = pubkey_info['pubkey']
    pubkey.md5_hash = hashlib.md5(
        base64.b64decode(
            pubkey_info['pubkey']
        )
    ).hexdigest()
    with get_session() as session:
        pubkey.save(session)
    return pubkey
