# case: refuses stays on the object after a failure
# case: unsafe
import socket
from http import client


class UnixHTTPConnection(client.HTTPConnection):

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        if self.timeout:
            self.sock.settimeout(self.timeout)
        self.sock.connect(self.socket_path)
