# case: unsafe
# case: refuses the module's logger is set to DEBUG and passes records up (logger.setLevel()): a debug line there prints on every call; the function's other debug lines are under `if debug:`
"""Shaped like oci-cli's cli_metrics.py: the module's logger is set to DEBUG, so its records
reach the root handler basicConfig(level=WARN) installs; only handler levels filter them.
The function's other debug lines are under its own `if debug:`, and the file is missing on
the first run: an unguarded debug line would print a traceback on every call."""
import logging
import os

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())
logger.setLevel(logging.DEBUG)


def update_metric(path, debug=False):
    if debug:
        logger.debug("Metric file: %s", path)
    value = 0
    try:
        with open(path) as metric:
            value = int(metric.read())
    except Exception:
        pass
    if debug:
        logger.debug("Metric value: %s", value)
    with open(os.path.join(path), "w") as metric:
        metric.write(str(value + 1))


def remove_lock(path):
    try:
        os.remove(path)
    except Exception:
        pass
