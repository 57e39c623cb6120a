# case: refuses an optional value that keeps its default when it cannot be read
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
