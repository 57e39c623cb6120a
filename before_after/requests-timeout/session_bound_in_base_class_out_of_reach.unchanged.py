# case: unsafe
# case: ignores a session a base class of another module makes, or one the chain gives an adapter, is not known
"""A session attribute bound in a base class counts for its subclasses only where the
module defines the base, no class on the chain mounts an adapter of its own on it or
binds it otherwise."""
import requests

from project.http import RemoteBase, TimeoutAdapter


class Imported(RemoteBase):
    def list(self, url):
        return self.session.get(url)


class Base:
    def __init__(self):
        self.session = requests.Session()


class Mounted(Base):
    def __init__(self):
        super().__init__()
        self.session.mount('https://', TimeoutAdapter())

    def list(self, url):
        return self.session.get(url)


class Rebound(Base):
    def __init__(self, session):
        super().__init__()
        self.session = session

    def list(self, url):
        return self.session.get(url)
