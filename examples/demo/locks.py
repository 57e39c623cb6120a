"""Per-namespace ipset updates, serialised across agent processes."""

from oslo_concurrency import lockutils


def refresh_ipset(namespace, apply_changes):
    with lockutils.lock('ipset-%s' % namespace, external=True):
        apply_changes()
