# case: unsafe
"""A name that ignores something other than exceptions (letter case) says nothing of
the swallow inside it."""
import logging

logger = logging.getLogger(__name__)


def ignore_case(config, key):
    try:
        config.set_flag(key, "ignorecase")
    except Exception:
        pass
