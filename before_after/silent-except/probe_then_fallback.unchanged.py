# case: unsafe
# case: refuses tries candidates in turn in a loop: a failure only means the next one is tried
# case: refuses a fallback follows: the try returns when it works; the code after it is the other way
"""Shaped like celery's utils/serialization.py: can the exception be pickled, else which
of its bases can?"""
import logging
import pickle

LOG = logging.getLogger(__name__)


def find_pickleable_exception(exc, bases):
    for base in bases:
        try:
            candidate = base(*exc.args)
            pickle.loads(pickle.dumps(candidate))
        except Exception:
            pass
        else:
            return candidate


def get_pickleable_exception(exc, bases):
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        pass
    else:
        return exc
    return find_pickleable_exception(exc, bases) or Exception(repr(exc))
