# case: unsafe
"""Shaped like keystone-rxt's RXTv2Credentials.rxt_auth(): requests raises HTTPError only from
raise_for_status(), never for a network failure, so a handler of it is about the server's
answer (bad credentials), whether or not it reads the response: a Timeout escapes it as a
ConnectionError already does."""
import requests
from requests.exceptions import HTTPError


def _login(url, data):
    r = requests.post(url, json=data, timeout=60)
    r.raise_for_status()
    return r.json()


def login(url, data):
    try:
        return _login(url, data)
    except requests.HTTPError:
        raise PermissionError("bad credentials")


def login2(url, data):
    try:
        r = requests.post(url, json=data, timeout=60)
        r.raise_for_status()
    except requests.HTTPError:
        raise PermissionError("bad credentials")
    return r.json()


class Credentials:
    def get_auth(self, url, data):
        r = requests.post(url, json=data, timeout=60)
        r.raise_for_status()
        return r.json()

    def auth(self, url, data):
        try:
            return self.get_auth(url, data)
        except HTTPError:
            raise PermissionError("bad credentials")
