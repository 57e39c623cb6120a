# case: unsafe
# case: refuses the session mounts TimeoutAdapter, whose send() may set its own timeout
"""A session attribute a base class of the module makes, on which a subclass mounts an
adapter of another module: its send() may give the call a timeout, which a fixed one
here would override, so the call gets advice."""
import requests

from project.http import TimeoutAdapter


class Base:
    def __init__(self):
        self.session = requests.Session()


class Mounted(Base):
    def __init__(self):
        super().__init__()
        self.session.mount('https://', TimeoutAdapter())

    def list(self, url):
        return self.session.get(url)
