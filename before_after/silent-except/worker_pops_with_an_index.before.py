# case: unsafe
"""Not a drain: the loop's first statement is the work, and pop(0) only follows it, so a
failure ends the work and is logged."""
import logging

LOG = logging.getLogger(__name__)


def work(jobs):
    try:
        while True:
            jobs[0].run()
            jobs.pop(0)
    except Exception:
        pass
