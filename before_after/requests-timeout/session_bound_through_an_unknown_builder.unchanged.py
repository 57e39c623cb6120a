# case: ignores the builder returns a session it mounts an adapter on, which may set a timeout
"""Shaped like pyexchange's connection: build_session() returns a session of its own."""
import requests

from myproject.adapters import TimeoutAdapter


class Connection(object):
    def __init__(self, url):
        self.url = url
        self.session = None

    def build_session(self):
        session = requests.Session()
        session.mount("https://", TimeoutAdapter())
        return session

    def send(self, body):
        if not self.session:
            self.session = self.build_session()
        response = self.session.post(self.url, data=body)
        return response.text
