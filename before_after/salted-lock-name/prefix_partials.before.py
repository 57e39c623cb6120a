import functools

from oslo_concurrency import lockutils

synchronized = lockutils.synchronized_with_prefix('neutron-')
lock = lockutils.lock_with_prefix('neutron-')
lock_cleanup = lockutils.remove_external_lock_file_with_prefix('neutron-')


@synchronized('l3-agent', external=True)
def sync_routers():
    return functools.reduce(max, [1, 2])


def update_port(port_id):
    with lock('port-%s' % port_id, external=True):
        pass
    with lock('port-cache'):
        pass
    lock_cleanup('port-%s' % port_id)


def immediate(port_id):
    with lockutils.lock_with_prefix('ovs-')('bridge', external=True):
        return port_id
