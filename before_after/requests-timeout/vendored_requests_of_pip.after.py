# case: unsafe
"""requests vendored in pip, imported by its dotted name: pip._vendor.requests.get waits
forever as requests.get does."""
import pip._vendor.requests
from pip._vendor.requests import post


def fetch(url):
    return pip._vendor.requests.get(url, timeout=60).text


def send(url, body):
    return post(url, data=body, timeout=60).status_code
