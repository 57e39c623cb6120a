# case: unsafe
# case: ignores the instance's attribute shadows the class's with the caller's session, which may set its own defaults
"""A class attribute bound to requests.Session() in the class body, which __init__ shadows
with the caller's session: the call's session may not be a stock one."""
import requests


class Client:
    session = requests.Session()

    def __init__(self, session=None):
        if session is not None:
            self.session = session

    def list(self, url):
        return self.session.get(url)
