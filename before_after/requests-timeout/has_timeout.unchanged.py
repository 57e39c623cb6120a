# case: ignores the call already passes a timeout
import requests

TIMEOUT = 30


def fetch(url):
    return requests.get(url, timeout=TIMEOUT)
