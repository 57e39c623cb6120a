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


SYNCHRONIZED_PREFIX = 'neutron-'


def update_router(router_id, lock_dir):
    with lockutils.lock(_salted_lock_name('router-%s' % router_id),
                        SYNCHRONIZED_PREFIX, True, lock_dir):
        return os.path.join(lock_dir, router_id)
