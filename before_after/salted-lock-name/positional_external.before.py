import os

from oslo_concurrency import lockutils

SYNCHRONIZED_PREFIX = 'neutron-'


def update_router(router_id, lock_dir):
    with lockutils.lock('router-%s' % router_id, SYNCHRONIZED_PREFIX, True,
                        lock_dir):
        return os.path.join(lock_dir, router_id)
