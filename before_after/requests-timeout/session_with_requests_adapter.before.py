# case: unsafe
"""Shaped like dns-lexicon's godaddy and porkbun providers: requests' own HTTPAdapter,
mounted for its retries, sets no timeout; its send() passes the call's on."""
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry


def fetch(url):
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=3))
    return session.request("GET", url)


def post(url, data):
    session = requests.Session()
    retries = Retry(total=5, backoff_factor=0.5)
    session_adapter = HTTPAdapter(max_retries=retries)
    session.mount("http://", session_adapter)
    session.mount("https://", session_adapter)
    return session.post(url, data=data)
