# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
"""Shaped like kombu's pools: a child closes the resources it inherited over fork."""
import logging

LOG = logging.getLogger(__name__)


def after_fork_cleanup(pool):
    try:
        pool.force_close_all()
    except Exception:
        pass
