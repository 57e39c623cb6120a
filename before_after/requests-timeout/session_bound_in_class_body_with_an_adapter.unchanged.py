# case: unsafe
# case: refuses the session mounts TimeoutAdapter, whose send() may set its own timeout
"""A session the class body makes and mounts an adapter of another module on: its send()
may give the call a timeout, which a fixed one here would override."""
import requests

from project.http import TimeoutAdapter


class Client:
    session = requests.Session()
    session.mount("https://", TimeoutAdapter())

    def list(self, url):
        return self.session.get(url)
