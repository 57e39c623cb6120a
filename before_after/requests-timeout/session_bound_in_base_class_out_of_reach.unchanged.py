# case: unsafe
# case: ignores a session a base class of another module makes, or one the chain binds otherwise, is not known
"""A session attribute bound in a base class counts for its subclasses only where the
module defines the base and no class on the chain binds it otherwise."""
import requests

from project.http import RemoteBase


class Imported(RemoteBase):
    def list(self, url):
        return self.session.get(url)


class Base:
    def __init__(self):
        self.session = requests.Session()


class Rebound(Base):
    def __init__(self, session):
        super().__init__()
        self.session = session

    def list(self, url):
        return self.session.get(url)
