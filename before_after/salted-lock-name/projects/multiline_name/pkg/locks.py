"""Keyed names of external lock files: one helper for the whole project."""

import hashlib
import hmac
import os


def salted_lock_name(name):
    """Key an external lock name with the secret in $OSLO_LOCK_NAME_KEY."""
    key = os.environ.get('OSLO_LOCK_NAME_KEY')
    if not key:
        return name
    digest = hmac.new(key.encode(), name.encode(), hashlib.sha256)
    return name + '-' + digest.hexdigest()[:16]
