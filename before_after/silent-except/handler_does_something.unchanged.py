# case: ignores the handler already acts on the exception
import logging

LOG = logging.getLogger(__name__)


def stop(worker):
    try:
        worker.stop()
    except Exception:
        LOG.warning("Could not stop %s", worker)
    try:
        worker.join()
    except Exception:
        raise
