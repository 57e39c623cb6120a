"""tobiko's common._lockutils.lock, whose lock_dir option defaults to ~/.tobiko/cache/lock.

An option may be set to a shared directory, a name may start with '..' or
be absolute, and '~user' is another user's home: none of these lock paths
is surely the user's own, so the locks are keyed.
"""
import os

from oslo_concurrency import lockutils
from oslo_config import cfg

CONF = cfg.CONF


def configured(name):
    lock_path = os.path.expanduser(CONF.tobiko.common.lock_dir)
    return lockutils.external_lock(name, lock_file_prefix='tobiko',
                                   lock_path=lock_path)


def other_user(name, user):
    return lockutils.external_lock(name, lock_file_prefix='tobiko',
                                   lock_path=os.path.expanduser('~' + user))


def joined(name, sub):
    home = os.path.expanduser('~')
    return lockutils.external_lock(name, lock_file_prefix='tobiko',
                                   lock_path=os.path.join(home, sub))


def above(name):
    return lockutils.external_lock(
        name, lock_file_prefix='tobiko',
        lock_path=os.path.expanduser('~/../shared'))
