# case: unsafe
# case: refuses removes an entry that may not be there
"""Shaped like hyperopt's pyll clone_merge(): `del node` is Python 2 code, where the
comprehension's variable leaked; in Python 3 it is never bound, so the handler runs on
every call."""
import logging

logger = logging.getLogger(__name__)


def clone_merge(nodes, memo=None):
    if memo is None:
        memo = {}
    node_args = [(node.pos_args, node.named_args) for node in nodes]
    try:
        del node
    except:
        pass
    try:
        del ii, node_ii
    except Exception:
        pass
    return node_args, memo
