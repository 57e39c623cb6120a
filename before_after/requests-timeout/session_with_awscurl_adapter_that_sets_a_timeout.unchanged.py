# case: unsafe
# case: refuses the session mounts _TimeoutAdapter, whose send() may set its own timeout
# case: refuses the session mounts _RetryingAdapter, whose send() may set its own timeout
# case: refuses the session mounts _KeptAdapter, whose send() may set its own timeout
# case: refuses the session mounts TimeoutAdapter, whose send() may set its own timeout
"""Shaped like awscurl's make_request(), with adapters of the module that may give a call
a timeout of their own: one whose send() sets it, one derived from it, one that keeps a
timeout, or one of another module; the call that mounts them gets advice, not a fix over
theirs."""
import requests
from requests.adapters import HTTPAdapter

from project.http import TimeoutAdapter


class _TimeoutAdapter(HTTPAdapter):
    def send(self, request, **kwargs):
        if kwargs.get('timeout') is None:
            kwargs['timeout'] = 30
        return super().send(request, **kwargs)


class _RetryingAdapter(_TimeoutAdapter):
    def __init__(self, **kwargs):
        super().__init__(max_retries=3, **kwargs)


class _KeptAdapter(HTTPAdapter):
    def __init__(self, timeout, **kwargs):
        self.timeout = timeout
        super().__init__(**kwargs)


def send(uri):
    with requests.Session() as session:
        session.mount('https://', _TimeoutAdapter())
        return session.request('GET', uri)


def send_retrying(uri):
    session = requests.Session()
    session.mount('https://', _RetryingAdapter())
    return session.get(uri)


def send_kept(uri):
    session = requests.Session()
    session.mount('https://', _KeptAdapter(10))
    return session.get(uri)


def send_imported(uri):
    session = requests.Session()
    session.mount('https://', TimeoutAdapter())
    return session.get(uri)
