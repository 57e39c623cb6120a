# case: unsafe
"""Shaped like pyexchange's connection: send() takes a timeout and drops it."""
import requests


def send(url, body, retries=2, timeout=30):
    response = requests.post(url, data=body, timeout=timeout)
    return response.text


class Connection(object):
    def __init__(self, url):
        self.url = url
        self.session = None

    def build_session(self):
        if self.session:
            return self.session
        self.session = requests.Session()
        return self.session

    def send(self, body, retries=2, timeout=30):
        if not self.session:
            self.build_session()
        reply = self.session.post(self.url, data=body, timeout=timeout)
        return reply.text

    def ping(self, read_timeout=10):
        return self.session.get(self.url, timeout=read_timeout).ok
