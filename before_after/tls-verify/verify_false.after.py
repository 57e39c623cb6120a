# case: unsafe
import httpx
import requests
from requests import get as http_get


def fetch_inventory(url):
    # One request per refresh; the caller caches the answer.
    return requests.get(url, timeout=30).json()


def login(url, user, password):
    return requests.post(url,
                         data={'user': user, 'password': password},
                         timeout=30)


def probe(url):
    return http_get(url=url, timeout=5)


def client():
    return httpx.Client()


def version(url):
    # Verified like most calls of a module: the calls above are the exceptions.
    return requests.get(url, timeout=5).json()
