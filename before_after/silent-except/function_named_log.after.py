# case: unsafe
"""Shaped like comet-ml's experiment_loggers/optimization.py: log() is the module's own
function, no logger; the project's modules name theirs LOGGER."""
import json
import logging

LOG = logging.getLogger(__name__)


def log(experiment, parameters):
    try:
        experiment.log_other("optimizer_parameters", json.dumps(parameters))
    except Exception:
        LOG.debug("Ignoring exception in log()", exc_info=True)
