# case: unsafe
"""The try sets a value, but what follows does not give it another way when the try
fails: a failure there is lost."""
import logging

logger = logging.getLogger(__name__)


def refresh(cache, key, fetch):
    value = None
    try:
        value = fetch(key)
        cache.store(key, value)
    except Exception:
        pass
    if not value:
        cache.mark_missing(key)
    return value
