import copy
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


class IpsetManager:
    def __init__(self, namespace):
        self.namespace = namespace
        self.sets = {}

    def set_members(self, set_name, members):
        with lockutils.lock(_salted_lock_name('ipset-%s' % self.namespace),
                            external=True):
            self.sets[set_name] = copy.copy(members)

    def cache(self, set_name):
        # An in-process lock: left alone, and silent in a whole-tree run.
        with lockutils.lock('ipset-cache'):
            return self.sets.get(set_name)
