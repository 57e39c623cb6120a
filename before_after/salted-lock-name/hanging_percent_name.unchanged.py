# case: refuses the lock name runs over several lines
"""Shaped like tooz's drivers: the name is broken before its ``%``, the
second line aligned under the first; wrapping the name would leave it out
of line (E128, and a change ``ruff format`` rewrites)."""
from oslo_concurrency import lockutils


def locked(group_id, member_identifier_and_other_long_name_value):
    with lockutils.lock(
            'tooz-group-%s-%s'
            % (group_id, member_identifier_and_other_long_name_value),
            external=True):
        return 1
