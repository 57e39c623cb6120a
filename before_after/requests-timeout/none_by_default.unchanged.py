# case: refuses timeout=self.timeout is None by default (__init__()'s timeout=None)
"""Shaped like metabase-api's async client: httpx waits forever on timeout=None."""
import httpx
import requests


class Client:
    def __init__(self, domain, timeout=None):
        self.domain = domain
        self.timeout = timeout
        self._client = httpx.AsyncClient(base_url=domain, timeout=self.timeout)


def fetch(url, timeout=None):
    return requests.get(url, timeout=timeout).json()
