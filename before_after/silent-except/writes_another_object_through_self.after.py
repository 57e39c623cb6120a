# case: unsafe
"""Shaped like osi-dump's OpenStackInstanceImporter: the microversion is set on the
connection's compute proxy, an object reached through self but not self's own, as
get_connections() sets it on a connection it was given."""
import logging

logger = logging.getLogger(__name__)


class OpenStackInstanceImporter:
    def __init__(self, connection):
        self.connection = connection

    def _iter_servers_safely(self):
        # Ensure compute proxy uses microversion 2.95
        try:
            self.connection.compute.default_microversion = "2.95"
        except Exception:
            logger.debug("Ignoring exception in _iter_servers_safely()",
                         exc_info=True)
        return self.connection.compute.servers(details=True, all_projects=True)


def use_microversion(connection):
    try:
        connection.compute.default_microversion = "2.95"
    except Exception:
        logger.debug("Ignoring exception in use_microversion()", exc_info=True)
    return connection
