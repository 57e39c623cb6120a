# case: refuses a fallback follows: the try returns when it works
"""Shaped like raven's get_version_from_app(): pkg_resources first, then the module."""
import logging

logger = logging.getLogger(__name__)


def get_version_from_app(module_name, app):
    try:
        import pkg_resources
    except ImportError:
        pass
    else:
        try:
            return pkg_resources.get_distribution(module_name).version
        except Exception:
            pass
    if hasattr(app, "get_version"):
        return app.get_version()
    return getattr(app, "__version__", None)
