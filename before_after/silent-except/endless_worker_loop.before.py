# case: unsafe
"""A worker's endless loop: a failure there ends the work, so it is logged."""
import logging

LOG = logging.getLogger(__name__)


def work(queue):
    try:
        while True:
            job = queue.get()
            job.run()
    except Exception:
        pass
