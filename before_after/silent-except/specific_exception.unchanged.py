# case: ignores a handler of a specific exception type is not this codemod's business
import logging

LOG = logging.getLogger(__name__)


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        pass
    try:
        return int(key)
    except (TypeError, ValueError):
        return None
