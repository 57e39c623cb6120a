# case: unsafe
"""Shaped like comet-ml's experiment_loggers/optimization.py: log() is the module's own
function, no logger; the project's modules name theirs LOGGER."""
import json


def log(experiment, parameters):
    try:
        experiment.log_other("optimizer_parameters", json.dumps(parameters))
    except Exception:
        pass
