# case: refuses suppressErrors() says by its name that it ignores exceptions
"""Shaped like a plugin host's helper: a function named for suppressing errors, so
swallowing them is its whole purpose."""
import logging

logger = logging.getLogger(__name__)


class Host:
    def suppressErrors(self, hook, event):
        try:
            hook(event)
        except Exception:
            pass
