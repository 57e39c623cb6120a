# case: unsafe
"""Shaped like mezzanine's admin: the comment on the if line is about its test."""
import logging

LOG = logging.getLogger(__name__)


def save_translations(obj, languages, current):
    for code in languages:
        if code != current:  # Already done
            try:
                activate(code)
            except Exception:
                LOG.debug("Ignoring exception in save_translations()",
                          exc_info=True)
            else:
                obj.save()
    activate(current)
