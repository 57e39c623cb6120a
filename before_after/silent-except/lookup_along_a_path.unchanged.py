# case: refuses an optional value that keeps its default when it cannot be read
"""Shaped like gallery-dl's config.interpolate(): a missing key keeps the default."""
import logging

log = logging.getLogger(__name__)


def interpolate(conf, path, key, default=None):
    try:
        for p in path:
            conf = conf[p]
            if key in conf:
                default = conf[key]
    except Exception:
        pass
    return default
