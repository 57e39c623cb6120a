# case: refuses a comment above the try documents that the exception is ignored on purpose
"""Shaped like pynput's uinput controller: the reason follows the lint directive."""
import logging

LOG = logging.getLogger(__name__)


def press_all(controller, keys):
    cleanup = []
    try:
        for key in keys:
            controller.press(key)
            cleanup.append(key)
    finally:
        for key in reversed(cleanup):
            # pylint: disable E722; we want to suppress exceptions
            try:
                controller.release(key)
            except Exception:
                pass
