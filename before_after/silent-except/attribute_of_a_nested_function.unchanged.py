# case: refuses an optional setting: the object made here keeps its default where the
"""Shaped like sentry-sdk's span_decorator(): the wrapper it defines takes f's signature."""
import functools
import inspect
import logging

logger = logging.getLogger(__name__)


def traced(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs)

    try:
        wrapper.__signature__ = inspect.signature(f)
    except Exception:
        pass
    return wrapper
