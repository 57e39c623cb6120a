# case: unsafe
# case: option timeout=30
# case: refuses timeout=None is written out
import httpx
from requests import put


def store(url, body):
    put(url, data=body, timeout=None)


def client():
    return httpx.Client(timeout=None)
