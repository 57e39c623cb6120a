# case: refuses a comment above the try documents that the exception is ignored on purpose
"""Shaped like gevent's _ffi/loop.py: the outer try only quashes, as the comment says."""
import logging

LOG = logging.getLogger(__name__)


def python_handle_error(loop, handle):
    # No exceptions should escape this method.
    try:
        loop.handle_error(handle)
    except:  # noqa: E722
        pass
