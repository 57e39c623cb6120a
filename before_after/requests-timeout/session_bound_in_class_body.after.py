# case: unsafe
"""Shaped like keystone-rxt's RXTv2Credentials: the class body binds session =
requests.Session(), shared by its instances and its subclasses', which call it through
self with no timeout."""
import requests


class Credentials(object):
    session = requests.Session()
    session_id = None

    def close(self):
        self.session.close()

    def get_auth(self, url, data):
        r = self.session.post(url, json=data, timeout=60)
        r.raise_for_status()
        return r.json()


class PasswordAuth(Credentials):
    def check(self, url):
        return self.session.get(url, timeout=60).ok
