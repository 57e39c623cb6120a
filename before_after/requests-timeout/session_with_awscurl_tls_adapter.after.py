# case: unsafe
"""Shaped like awscurl's make_request(): an HTTPAdapter subclass of the module, mounted
only for TLS settings, builds an SSL context and sets no timeout, as requests' own."""
import ssl

import requests
from requests.adapters import HTTPAdapter


class _TLSAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs):
        kwargs['ssl_context'] = ssl.create_default_context()
        super().init_poolmanager(*args, **kwargs)


class _PinnedAdapter(_TLSAdapter):
    def __init__(self, fingerprint, **kwargs):
        self.fingerprint = fingerprint
        super().__init__(**kwargs)


def send(uri, tls):
    with requests.Session() as session:
        if tls:
            session.mount('https://', _TLSAdapter())
        response = session.request('GET', uri, timeout=60)
    return requests.request('GET', response.headers['Location'], timeout=60)


def send_pinned(uri, fingerprint):
    session = requests.Session()
    adapter = _PinnedAdapter(fingerprint, max_retries=3)
    session.mount('https://', adapter)
    return session.get(uri, timeout=60)
