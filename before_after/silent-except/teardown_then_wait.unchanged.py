# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
"""Shaped like spyder's WorkerManager.terminate_all(): each thread is told to quit, then
waited for."""
import logging

LOG = logging.getLogger(__name__)


def terminate_all(threads):
    for thread in threads:
        try:
            thread.quit()
            thread.wait()
        except Exception:
            pass
