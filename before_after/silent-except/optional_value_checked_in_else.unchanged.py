# case: unsafe
# case: refuses an optional value that keeps its default when it cannot be read
"""Shaped like solaar's CLI: a device named by a one-character name or a number."""
import logging

LOG = logging.getLogger(__name__)


def device_number(name):
    number = None
    if len(name) == 1:
        try:
            number = int(name)
        except Exception:
            pass
        else:
            assert not (number < 0)
            if number > 6:
                number = None
    return number
