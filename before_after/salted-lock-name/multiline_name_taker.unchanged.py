# case: project multiline_name pkg/a.py
# case: refuses the lock name runs over several lines
"""Shaped like oslo.messaging's drivers: the name's second line is aligned
under the bracket of its first; wrapping the name would leave it out of line
(pycodestyle's E128)."""
from oslo_concurrency import lockutils


def take(group, member):
    with lockutils.lock('grp-%s-%s' % (group,
                                       member),
                        external=True):
        return 1
