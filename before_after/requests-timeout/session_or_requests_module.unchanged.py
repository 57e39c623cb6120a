# case: refuses self.session is the caller's session or the requests module
# case: refuses session is the caller's session or the requests module
"""Shaped like premailer's Premailer: the caller's session, else requests itself."""
import requests


class Premailer(object):
    def __init__(self, html, session=None, allow_insecure_ssl=False):
        self.html = html
        self.session = session or requests
        self.allow_insecure_ssl = allow_insecure_ssl

    def _load_external_url(self, url):
        response = self.session.get(url, verify=not self.allow_insecure_ssl)
        response.raise_for_status()
        return response.text


def load(url, session=None):
    session = session or requests
    return session.get(url).text
