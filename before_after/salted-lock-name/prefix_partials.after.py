import functools
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


synchronized = lockutils.synchronized_with_prefix('neutron-')
lock = lockutils.lock_with_prefix('neutron-')
lock_cleanup = lockutils.remove_external_lock_file_with_prefix('neutron-')


@synchronized(_salted_lock_name('l3-agent'), external=True)
def sync_routers():
    return functools.reduce(max, [1, 2])


def update_port(port_id):
    with lock(_salted_lock_name('port-%s' % port_id), external=True):
        pass
    with lock('port-cache'):
        pass
    lock_cleanup(_salted_lock_name('port-%s' % port_id))


def immediate(port_id):
    with lockutils.lock_with_prefix('ovs-')(_salted_lock_name('bridge'),
                                            external=True):
        return port_id
