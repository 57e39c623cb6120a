# case: ignores a session whose request is replaced, or one the caller gives, may take its timeout from it
"""A replaced request may pass a timeout; a session the caller gives may set one."""
import functools

import requests


def fetch_partial(url):
    session = requests.Session()
    session.request = functools.partial(session.request, timeout=10)
    return session.get(url)


def fetch_given(session, url):
    return session.get(url)
