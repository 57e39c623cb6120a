# case: ignores a session with an adapter mounted may take its timeout from it
"""An HTTPAdapter subclass may set a default timeout in send(); a replaced request too."""
import functools

import requests

from project.http import TimeoutAdapter


def fetch(url):
    session = requests.Session()
    session.mount("https://", TimeoutAdapter())
    return session.get(url)


def fetch_partial(url):
    session = requests.Session()
    session.request = functools.partial(session.request, timeout=10)
    return session.get(url)


def fetch_given(session, url):
    return session.get(url)
