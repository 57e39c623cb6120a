# case: unsafe
"""Shaped like angr's modules: ``_l`` (or ``l``) is the module's logger, made for the
module's own name; no second logger is added beside it."""
import logging

_l = logging.getLogger(name=__name__)


def run_all(calls):
    for call in calls:
        try:
            call()
        except Exception:
            _l.debug("Ignoring exception in run_all(); continuing",
                     exc_info=True)
            continue
