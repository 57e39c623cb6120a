# case: unsafe
# case: refuses `auth_token` says this MD5 digest is for security (token)
"""Shaped like dns-lexicon's CloudXNS provider: the user name and the token are hashed
together into the API-HMAC header; the token is what makes it a secret."""
import hashlib


def _headers(self, url, data, date):
    return {
        "API-KEY": self._get_provider_option("auth_username"),
        "API-HMAC": hashlib.md5(
            f"{self._get_provider_option('auth_username')}{url}{data}{date}"
            f"{self._get_provider_option('auth_token')}".encode("utf-8")
        ).hexdigest(),
    }
