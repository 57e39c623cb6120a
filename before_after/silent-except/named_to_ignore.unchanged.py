# case: refuses ignore_exception() says by its name that it ignores exceptions
"""Shaped like kivy's console module: a decorator named ignore_exception whose wrapper
swallows whatever the wrapped function raises."""
import logging

logger = logging.getLogger(__name__)


def ignore_exception(f):
    def f2(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except:
            pass

    return f2
