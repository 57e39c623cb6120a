# case: unsafe
# case: refuses a comment above the try documents that the exception is ignored on purpose
"""An earlier handler makes a result of a missing key; the comment above the try names no
KeyError, so it speaks for the handler that swallows the rest."""
import logging

LOG = logging.getLogger(__name__)


def cached(cache, name):
    # the cache is best effort: a broken entry is read again from the source
    try:
        return cache[name].decode()
    except KeyError:
        return None
    except Exception:
        pass
    return None
