"""Shaped like oslo.messaging's drivers: the remover of pkg/a.py's locks."""
from oslo_concurrency import lockutils


def drop(group, member):
    lockutils.remove_external_lock_file('grp-%s-%s' % (group, member))
