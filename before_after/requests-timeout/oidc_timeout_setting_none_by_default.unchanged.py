# case: refuses timeout= is the setting OIDC_TIMEOUT, None (no timeout) by default: give it a number by default
# case: refuses timeout= is the setting OIDC_PROXY_TIMEOUT, None (no timeout) by default
# case: refuses timeout= is the setting request_timeout, None (no timeout) by default
"""Shaped like mozilla-django-oidc's auth.py: each request passes the OIDC_TIMEOUT setting,
read with None as its default, which docs/settings.rst says waits indefinitely."""
import requests
from django.conf import settings


class OIDCAuthenticationBackend:
    @staticmethod
    def get_settings(attr, *args):
        return getattr(settings, attr, *args)

    def retrieve_matching_jwk(self, url):
        response = requests.get(
            url,
            verify=self.get_settings("OIDC_VERIFY_SSL", True),
            timeout=self.get_settings("OIDC_TIMEOUT", None),
            proxies=self.get_settings("OIDC_PROXY", None),
        )
        return response.json()

    def get_userinfo(self, url, token):
        return requests.get(url, headers={"Authorization": token},
                            timeout=self.get_settings("OIDC_TIMEOUT", 10))


def fetch_through_proxy(url):
    return requests.get(url, timeout=getattr(settings, "OIDC_PROXY_TIMEOUT", None))


def fetch_with_options(url, options):
    return requests.get(url, timeout=options.get("request_timeout", None))
