# case: unsafe
# case: option timeout=30
import httpx
from requests import put


def store(url, body):
    put(url, data=body, timeout=30)


def client():
    return httpx.Client(timeout=30)
