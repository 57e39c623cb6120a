"""tobiko's common._lockutils.lock, whose lock_dir option defaults to ~/.tobiko/cache/lock.

An option may be set to a shared directory, a name may start with '..' or
be absolute, and '~user' is another user's home: none of these lock paths
is surely the user's own, so the locks are keyed.
"""
import hashlib
import hmac
import os

from oslo_concurrency import lockutils
from oslo_config import cfg


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


CONF = cfg.CONF


def configured(name):
    lock_path = os.path.expanduser(CONF.tobiko.common.lock_dir)
    return lockutils.external_lock(_salted_lock_name(name),
                                   lock_file_prefix='tobiko',
                                   lock_path=lock_path)


def other_user(name, user):
    return lockutils.external_lock(_salted_lock_name(name),
                                   lock_file_prefix='tobiko',
                                   lock_path=os.path.expanduser('~' + user))


def joined(name, sub):
    home = os.path.expanduser('~')
    return lockutils.external_lock(_salted_lock_name(name),
                                   lock_file_prefix='tobiko',
                                   lock_path=os.path.join(home, sub))


def above(name):
    return lockutils.external_lock(
        _salted_lock_name(name), lock_file_prefix='tobiko',
        lock_path=os.path.expanduser('~/../shared'))
