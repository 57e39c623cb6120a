# case: unsafe
# case: refuses the function's docstring says it swallows failures on purpose
"""Shaped like gradio's utils.no_raise_exception()."""
import contextlib
import logging

LOG = logging.getLogger(__name__)


@contextlib.contextmanager
def no_raise_exception():
    """Context manager that suppresses exceptions."""
    try:
        yield
    except Exception:
        pass
