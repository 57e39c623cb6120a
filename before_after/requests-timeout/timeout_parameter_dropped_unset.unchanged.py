# case: refuses takes timeout, None by default, and the call drops it
# case: refuses takes connect_timeout and read_timeout, which the call drops
"""Shaped like pyexchange's connection: the calls drop the timeouts given."""
import requests


def send(url, body, timeout=None):
    return requests.post(url, data=body).text


def fetch(url, connect_timeout=5, read_timeout=30):
    return requests.get(url).text
