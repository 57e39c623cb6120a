# case: ignores the call already passes a timeout, and a Session's defaults live on the session
import requests

TIMEOUT = 30


def fetch(url):
    session = requests.Session()
    session.get(url)
    return requests.get(url, timeout=TIMEOUT)
