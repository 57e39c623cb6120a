# case: unsafe
# case: option timeout=30
import httpx
from requests import put


def store(url, body):
    put(url, data=body, timeout=None)


def client():
    return httpx.Client(timeout=None)
