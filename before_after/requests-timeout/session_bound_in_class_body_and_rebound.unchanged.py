# case: unsafe
# case: ignores the class attribute is rebound through cls to a session given by the caller, which may set its own defaults
"""A class attribute bound to requests.Session() in the class body, but set by a classmethod
to whatever session the caller gives: the call's session may not be a stock one."""
import requests


class Client:
    session = requests.Session()

    @classmethod
    def use(cls, session):
        cls.session = session

    def list(self, url):
        return self.session.get(url)
