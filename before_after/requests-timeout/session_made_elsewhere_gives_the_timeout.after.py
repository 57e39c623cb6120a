# case: unsafe
"""A stock Session another function of the module makes and calls with timeout=5 gives the
module's number, as requests.get(..., timeout=5) there would."""
import requests


def ping(url):
    session = requests.Session()
    return session.head(url, timeout=5).ok


def fetch(url):
    return requests.get(url, timeout=5).json()
