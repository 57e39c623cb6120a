# case: unsafe
# case: refuses best-effort teardown: disconnect() releases what it can
"""Shaped like jupyter_server's websocket connection: disconnect() runs once when the
kernel dies and once when the websocket closes."""
import logging

LOG = logging.getLogger(__name__)


class Connection:
    _open_sockets = set()

    def disconnect(self):
        for stream in self.channels.values():
            stream.close()
        self.channels = {}
        try:
            Connection._open_sockets.remove(self)
            self._close_future.set_result(None)
        except Exception:
            pass
