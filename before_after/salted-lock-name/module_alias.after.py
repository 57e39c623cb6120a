import hashlib
import hmac
import logging
import os

import oslo_concurrency.lockutils
from oslo_concurrency import lockutils as lu


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


LOG = logging.getLogger(__name__)


def refresh(network_id):
    with lu.lock(name=_salted_lock_name('dhcp-%s' % network_id),
                 external=True):
        LOG.debug('refreshing %s', network_id)
    with oslo_concurrency.lockutils.lock(_salted_lock_name('dhcp-all'),
                                         external=True):
        LOG.debug('refreshing all')
