# case: unsafe
import logging
import socket
from http import client


class UnixHTTPConnection(client.HTTPConnection):

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            if self.timeout:
                self.sock.settimeout(self.timeout)
            self.sock.connect(self.socket_path)
        except BaseException:
            try:
                self.sock.close()
            except Exception:
                logging.getLogger(__name__).exception(
                    'Cleanup after a failed connect() failed')
            raise
