# case: refuses the module's classes log through self.log_debug(...)
"""Shaped like pyload's plugins: BasePlugin gives each plugin log_debug() and its kin,
which prefix the plugin's name; a module logger beside them would lose it."""
import socket

from pyload.plugins.base.addon import BaseAddon


class IRC(BaseAddon):
    def download_finished(self, pyfile):
        self.log_debug("download finished", pyfile.name)
        try:
            self.sock.send(b"finished")
        except Exception:
            pass

    def connect(self, host):
        self.sock = socket.create_connection((host, 6667))
