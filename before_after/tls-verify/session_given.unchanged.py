# case: ignores a session the caller gives keeps its own verify when the keyword goes
import requests


def fetch(session, url):
    return session.get(url, timeout=30, verify=False)


def fetch_default(url):
    return fetch(requests.Session(), url)
