# case: unsafe
# case: refuses the module has _VALIDATE_EMAIL_TIMEOUT, a timeout the project sets
"""Shaped like albert's sso.py: the login timeout is how long a person may take in the
browser; the request timeout is the one the module's other calls pass."""
import requests

DEFAULT_LOGIN_TIMEOUT = 120
_VALIDATE_EMAIL_TIMEOUT = 30


def validate(url, email):
    return requests.get(url, params={"email": email}, timeout=_VALIDATE_EMAIL_TIMEOUT)


def discover(url):
    return requests.get(url).json()
