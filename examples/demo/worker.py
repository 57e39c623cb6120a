"""A background worker that must never die."""

import logging

LOG = logging.getLogger(__name__)


def run_once(task):
    try:
        task()
    except Exception:
        pass
