# case: unsafe
# case: refuses a type test: issubclass() raises TypeError for what is not a class
"""Shaped like great-expectations' metrics util: a dialect module, instance or class."""
import logging

LOG = logging.getLogger(__name__)


def is_databricks(dialect, databricks_dialect):
    try:
        if isinstance(dialect, databricks_dialect):
            return True
        if hasattr(dialect, "DatabricksDialect"):
            return True
        if issubclass(dialect, databricks_dialect):
            return True
    except Exception:
        pass
    return False
