# case: refuses self.session is the caller's session or a stock requests.Session()
"""The caller's session, else a stock requests.Session(), made under ``if session is
None:`` and stored once the parameter holds one."""
import requests


class ApiClient:
    def __init__(self, base_url, session=None):
        self.base_url = base_url
        if session is None:
            session = requests.Session()
        self.session = session

    def fetch(self, path):
        return self.session.get(self.base_url + path).json()

    def delete(self, path):
        return self.session.delete(self.base_url + path, timeout=30)
