# case: refuses session is the caller's session or a stock requests.Session()
# case: refuses self.session is the caller's session or a stock requests.Session()
"""Shaped like requests-oauth2client's and python-observabilityclient's clients: the
caller's session, else a stock requests.Session()."""
import requests


def discover(url, session=None):
    session = session or requests.Session()
    return session.get(url).json()


def discover_unless_given(url, session=None):
    if session is None:
        session = requests.Session()
    return session.get(url).json()


class ApiClient:
    def __init__(self, base_url, session=None):
        self.base_url = base_url
        self.session = session or requests.Session()

    def fetch(self, path):
        return self.session.get(self.base_url + path).json()
