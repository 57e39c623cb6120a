# case: unsafe
# case: refuses the trys around its callers (`authenticate`, line 24; `authenticate`, line 32) catch ConnectionError, which covers a connect timeout but not requests.ReadTimeout: add it to those handlers
"""Shaped like keystone-rxt's RXTv2Credentials.get_rxt_auth(), which two subclasses call inside a
try each: the reason names both (here they catch network failures, which a ReadTimeout would
escape)."""
import requests


class Credentials:
    url = "https://identity.example.com/v2.0/tokens"

    def get_auth(self, data):
        r = requests.post(self.url, json=data)
        r.raise_for_status()
        return r.json()


class PasswordAuth(Credentials):
    def __init__(self, password):
        self.password = password

    def authenticate(self):
        try:
            return self.get_auth({"password": self.password})
        except requests.ConnectionError:
            return None


class TotpAuth(Credentials):
    def authenticate(self, code):
        try:
            return self.get_auth({"totp": code})
        except requests.ConnectionError:
            return None
