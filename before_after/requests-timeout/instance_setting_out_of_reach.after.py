# case: unsafe
# case: oldest-python 3.10
"""pymisp's api.py: the client's calls pass self.timeout; register_user() is a function of
the module, with no self to read it from."""
import requests


class PyMISP:
    def __init__(self, session, timeout=30):
        self.session = session
        self.timeout = timeout

    def send(self, prepared):
        return self.session.send(prepared, timeout=self.timeout)


def register_user(url, data):
    return requests.post(url, json=data, timeout=60)
