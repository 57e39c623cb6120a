# case: unsafe
"""Shaped like papis: its modules' loggers come from the project's own factory, reached
as an attribute (papis.logging.get_logger), in 69 modules."""
import own_logger_factory.logging

logger = own_logger_factory.logging.get_logger(__name__)


def query(connection, text):
    logger.debug("query %s", text)
    try:
        return connection.execute(text)
    except Exception:
        pass
    return None
