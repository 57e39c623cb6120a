# case: refuses runs in __del__
import logging

LOG = logging.getLogger(__name__)


class Server:
    def __del__(self):
        try:
            self.socket.close()
        except Exception:
            pass
