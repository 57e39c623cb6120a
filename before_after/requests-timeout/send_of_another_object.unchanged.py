# case: unsafe
# case: ignores a send() of what is no session the code makes: a socket, a queue
"""Shaped like osprofiler's notifier beside its Log Insight client: a module that makes a
session also calls send() of objects that are not one."""
import socket

import requests


class Client:
    def __init__(self, host, transport):
        self._session = requests.Session()
        self._sock = socket.create_connection((host, 9000))
        self._transport = transport

    def emit(self, data):
        self._sock.send(data)
        self._transport.send(data)
        return self._session.get("https://example.com/ping", timeout=10)
