# case: refuses a comment above the try documents that the exception is ignored on purpose
"""websockets: a comment above the try says what the call may raise."""
import logging

logger = logging.getLogger(__name__)


def flush(stream):
    # flush() doesn't document which exceptions it raises.
    # OSError is plausible. uvloop can raise RuntimeError here.
    try:
        stream.flush()
    except Exception:
        pass
