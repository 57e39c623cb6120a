# case: project multiline_name pkg/b.py
# case: refuses and pkg/a.py:6 cannot be laid out in 79 columns keyed
"""Shaped like oslo.messaging's drivers: the remover fits keyed, but pkg/a.py
takes the same locks under a name laid out over two lines, which cannot be
keyed in place; keying the remover alone would make it name other files than
the taker once a key is set."""
from oslo_concurrency import lockutils


def drop(group, member):
    lockutils.remove_external_lock_file('grp-%s-%s' % (group, member))
