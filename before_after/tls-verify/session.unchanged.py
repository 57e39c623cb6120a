# case: ignores a Session method keeps the session's verify when the keyword goes
import requests


def fetch(url):
    session = requests.Session()
    return session.get(url, timeout=30, verify=False)
