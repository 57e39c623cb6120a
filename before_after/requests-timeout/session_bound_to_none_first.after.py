# case: unsafe
"""Shaped like dns-lexicon's henet provider: the session is None until authenticate()."""
import requests


class Provider:
    def __init__(self, url):
        self.url = url
        self.session = None

    def authenticate(self):
        self.session = requests.Session()
        self.session.get(self.url, timeout=60)
