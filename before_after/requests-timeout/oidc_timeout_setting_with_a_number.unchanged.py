# case: ignores a setting read with a number as its default, or a call that names no timeout setting, is a timeout already
"""Shaped like mozilla-django-oidc's auth.py, where the OIDC_TIMEOUT setting has a number
by default, and a helper whose None argument is no setting's default."""
import requests
from django.conf import settings


class OIDCAuthenticationBackend:
    @staticmethod
    def get_settings(attr, *args):
        return getattr(settings, attr, *args)

    def get_token(self, url, payload):
        return requests.post(url, data=payload, timeout=self.get_settings("OIDC_TIMEOUT", 10))

    def get_userinfo(self, url):
        return requests.get(url, timeout=self.seconds_left(url, None))

    def verify(self, url):
        return requests.get(url, timeout=parse_seconds("30", None))


def parse_seconds(text, fallback):
    return float(text) if text else fallback
