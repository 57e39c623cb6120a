# case: refuses marked for its scanner (# nosec, # noqa, # ruff:ignore or # pylint: disable), and tries candidates
"""Shaped like tqdm's utils.py: a Windows console probe, marked for Bandit's B110."""
import logging

LOG = logging.getLogger(__name__)


def console_width(handles):
    for handle in handles:
        try:
            return handle.width()
        except Exception:  # nosec B110
            pass
    return None
