# case: refuses verify=verify is False where the caller passes nothing (verify=False by default, line 6)
"""A module-level call whose verify is a parameter that is False by default."""
import requests


def fetch(url, verify=False):
    return requests.get(url, timeout=30, verify=verify)
