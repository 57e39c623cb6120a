# case: unsafe
# case: refuses a conversion: the function gives None when the value cannot be read
"""Shaped like pretalx's get_int(): a number if the setting reads as one, else None."""
import logging

LOG = logging.getLogger(__name__)


def get_int(value):
    if value:
        try:
            return int(value)
        except Exception:
            pass
