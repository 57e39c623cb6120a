# case: refuses the keyed call would shift an aligned continuation line
from oslo_concurrency import lockutils


def migrate(resource_id, names):
    # The bracket the next line is aligned under would move.
    lockutils.external_lock('migrate-%s' % resource_id).acquire(names, [None,
                                                                        0])
