# case: refuses a probe: what fails there is answered `default` after the try
"""Shaped like click's _is_binary_writer(): can the stream take str? The caller's default."""
import logging

LOG = logging.getLogger(__name__)


def is_binary_writer(stream, default=False):
    try:
        stream.write(b"")
    except Exception:
        try:
            stream.write("")
            return False
        except Exception:
            pass
        return default
    return True
