# case: option key-env=NEUTRON_LOCK_KEY
import hashlib
import hmac
import os

from oslo_concurrency import lockutils


def _salted_lock_name(name):
    """Key an external lock name with the secret in $NEUTRON_LOCK_KEY.

    A predictable lock file name in a shared lock_path lets another local
    user take the lock first. Every process sharing lock_path must set the
    same key; without a key the name is returned unchanged.
    """
    key = os.environ.get('NEUTRON_LOCK_KEY')
    if not key:
        return name
    digest = hmac.new(key.encode(), name.encode(), hashlib.sha256)
    return name + '-' + digest.hexdigest()[:16]


def plug(device):
    with lockutils.lock(_salted_lock_name('plug-' + device), external=True):
        return os.path.exists(device)
