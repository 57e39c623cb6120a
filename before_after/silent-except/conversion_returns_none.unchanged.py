# case: unsafe
# case: refuses a conversion: the function gives None when the value cannot be read
"""A number if the value reads as one, else None, said in a return of its own."""
import logging

LOG = logging.getLogger(__name__)


def as_number(value):
    try:
        return float(value)
    except Exception:
        pass
    return None
