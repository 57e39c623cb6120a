# case: unsafe
# case: refuses a filter: the loop leaves out the items whose values cannot be read
"""Shaped like thonny's Windows registry lookups: most keys are missing."""
import logging

LOG = logging.getLogger(__name__)


def installed_paths(read_key, keys):
    found = set()
    for key in keys:
        try:
            path = read_key(key)
            if path:
                found.add(path)
        except Exception:
            continue
    return found
