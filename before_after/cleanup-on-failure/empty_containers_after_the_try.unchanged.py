# case: refuses already releases it (try at the next statement)
"""Shaped like oslo.rootwrap's oslo_rootwrap/jsonrpc.py JsonListener.__init__(): after the
try that closes the socket, only empty containers are made (weakref.WeakSet(), set()), and
no argument-less call of those can fail."""
import collections
import socket
import weakref


class JsonListener:
    def __init__(self, address, backlog=1):
        self.address = address
        self._socket = socket.socket(socket.AF_UNIX)
        try:
            self._socket.setblocking(True)
            self._socket.bind(address)
            self._socket.listen(backlog)
        except OSError:
            self._socket.close()
            raise
        self.closed = False
        self._accepted = weakref.WeakSet()
        self._names = set()
        self._queue = collections.deque()
