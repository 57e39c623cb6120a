# case: unsafe
# case: refuses a fallback follows
"""Shaped like fiftyone's Labelbox attribute parser: a number if it reads as one, else
None for "None", else the value as it came."""
import logging

LOG = logging.getLogger(__name__)


def parse_attribute(value):
    try:
        return int(value)
    except Exception:
        pass

    try:
        return float(value)
    except Exception:
        pass

    if value == "None":
        return None

    return value
