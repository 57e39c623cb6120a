# case: unsafe
import hashlib
import hmac
import os

from oslo_concurrency import lockutils


def _salted_lock_name(name):
    """Key an external lock name with the secret in $OSLO_LOCK_NAME_KEY.

    A predictable lock file name in a shared lock_path lets another local
    user take the lock first. Every process sharing lock_path must set the
    same key; without a key the name is returned unchanged.
    """
    key = os.environ.get('OSLO_LOCK_NAME_KEY')
    if not key:
        return name
    digest = hmac.new(key.encode(), name.encode(), hashlib.sha256)
    return name + '-' + digest.hexdigest()[:16]


class IptablesManager:
    def __init__(self, external_lock=True):
        self.external_lock = external_lock

    def apply(self, lock_name):
        with lockutils.lock(_salted_lock_name(lock_name), 'neutron-',
                            external=self.external_lock):
            return True
