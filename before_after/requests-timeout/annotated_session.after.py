# case: unsafe
"""Shaped like pulp-glue's OpenAPI client: the session is made with an annotation."""
import requests


class OpenAPI:
    def __init__(self, base_url):
        self._base_url = base_url
        self._session: requests.Session = requests.session()

    def load_api(self, path):
        return self._session.get(self._base_url + path, timeout=60)
