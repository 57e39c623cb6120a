# case: refuses a failure after that try leaks it
"""A set() of this module's own, and a deque given an argument, can fail: after the try that
closes the socket, they still leak it."""
import collections
import socket


def set():
    raise RuntimeError("not the builtin")


class Listener:
    def __init__(self, address, items):
        self._socket = socket.socket(socket.AF_UNIX)
        try:
            self._socket.bind(address)
        except OSError:
            self._socket.close()
            raise
        self._names = set()
        self._queue = collections.deque(items)
