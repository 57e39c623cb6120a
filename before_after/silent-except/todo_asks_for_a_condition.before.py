# case: unsafe
"""Shaped like scoutsuite's security center facade: the TODO asks for a condition."""
import logging

LOG = logging.getLogger(__name__)


def copy_pages(results):
    pages = []
    try:
        for page in results:
            pages.append(page)
    except Exception:
        # TODO implement condition to pass only if the error is MissingApiVersion
        pass
    return pages
