# case: unsafe
# case: refuses the function's docstring says it swallows failures on purpose
"""Shaped like aws-sam-cli's pipeline stage: a save that must not stop the command."""
import logging

LOG = logging.getLogger(__name__)


def save_config_safe(config, path):
    """A safe version of save_config that doesn't raise any exception."""
    try:
        config.save(path)
    except Exception:
        pass
