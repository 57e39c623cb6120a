import hashlib
import hmac
import os

from oslo_concurrency import lockutils


def _salted_lock_name(name):
    key = os.environ.get('OSLO_LOCK_NAME_KEY')
    if not key:
        return name
    digest = hmac.new(key.encode(), name.encode(), hashlib.sha256)
    return name + '-' + digest.hexdigest()[:16]


def old_site():
    with lockutils.lock(_salted_lock_name('old'), external=True):
        pass


def new_site():
    with lockutils.lock(_salted_lock_name('new'), external=True):
        pass
