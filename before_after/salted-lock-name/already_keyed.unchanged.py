# case: refuses lock name already keyed
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


def keyed_by_helper():
    with lockutils.lock(_salted_lock_name('ipset'), external=True):
        pass


def keyed_by_hand(secret):
    name = 'ipset-' + hmac.new(secret, b'ipset', hashlib.sha256).hexdigest()
    with lockutils.lock('ipset-' + hmac.new(secret, b'ipset', hashlib.sha256).hexdigest(), external=True):
        return name
