# case: unsafe
# case: refuses an optional setting: the instance keeps its default where the try cannot set
# case: refuses an optional value that keeps its default when it cannot be read
"""Shaped like osi-dump's importers: a setting of the importer's own, nothing read to set
it (a property that refuses the value leaves the default); where a value is read to set it,
as cinder's netapp utils read the version, it is an optional value."""
import logging
import platform

logger = logging.getLogger(__name__)


class OpenStackInstanceImporter:
    microversion = None
    host = "unknown host"

    def __init__(self, connection):
        self.connection = connection

    def use_microversion(self):
        try:
            self.microversion = "2.95"
        except Exception:
            pass
        return self.microversion

    def update_host(self):
        try:
            self.host = platform.node()
        except Exception:
            pass
