# case: unsafe
"""A stock requests.Session() the function makes itself: it verifies certificates by
default, so the call's verify=False is all that turns the checks off."""
import requests


def fetch(url):
    session = requests.Session()
    return session.get(url, timeout=30)
