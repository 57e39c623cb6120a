# case: unsafe
"""Shaped like pyexchange's connection: the session comes from build_session()."""
import requests


class Connection(object):
    def __init__(self, url):
        self.url = url
        self.session = None

    def build_session(self):
        if self.session:
            return self.session
        self.session = requests.Session()
        return self.session

    def send(self, body):
        if not self.session:
            self.session = self.build_session()
        response = self.session.post(self.url, data=body, timeout=60)
        return response.text
