import hashlib
import hmac
import os
import sys

from oslo_concurrency.lockutils import lock as take_lock
from oslo_concurrency.lockutils import synchronized


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


@synchronized(_salted_lock_name('metadata-proxy'), external=True)
def spawn_proxy():
    return sys.executable


def reload_proxy(router_id):
    with take_lock(_salted_lock_name('metadata-proxy-' + router_id),
                   external=True):
        return router_id
