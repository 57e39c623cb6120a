# case: refuses dev is a parameter: the caller owns it
# case: refuses rs is a parameter: the caller owns it
"""Shaped like nova's virt/libvirt/host.py device_start() (a status code bound, only
compared) and compute/api.py (create() called on each parameter, nothing bound)."""


def device_start(dev):
    flags = 0
    result = dev.create(flags)
    if result == -1:
        raise RuntimeError('Failed to start node device %s' % dev.name())


def create_db_entries(rs, br):
    rs.create()
    br.create()
