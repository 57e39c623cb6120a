# case: unsafe
# case: refuses self._sock is released by another method of the class
"""Shaped like python-ipmi's Rmcp interface: close() releases the socket by another name."""
import socket


class Rmcp:
    def open(self):
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.set_timeout(2.0)

    def set_timeout(self, timeout):
        self._sock.settimeout(timeout)

    def close(self):
        # not created if the interface was never opened
        sock = getattr(self, '_sock', None)
        if sock is not None:
            sock.close()
