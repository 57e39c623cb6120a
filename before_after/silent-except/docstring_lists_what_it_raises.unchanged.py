# case: unsafe
# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
"""Shaped like modal's sandbox filesystem watch(): its docstring lists what it raises;
that the iterator stops without raising at a timeout is no best-effort statement."""
import logging

logger = logging.getLogger(__name__)


def watch(process):
    """Watch the process's output.

    At the timeout the iterator stops without raising an exception.

    Raises:
        TimeoutError: when the process does not answer.
    """
    try:
        yield from process.stdout
    finally:
        try:
            process.stdin.write_eof()
        except Exception:
            pass
