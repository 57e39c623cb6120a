# case: unsafe
# case: refuses the try around it catches ConnectionError, which covers a connect timeout but not requests.ReadTimeout
# case: refuses the try around it catches ConnectionError, not the requests.exceptions.Timeout
"""Shaped like repo2docker's Software Heritage provider: requests' ConnectTimeout is a
ConnectionError, so only a ReadTimeout would escape the retry; the builtin
ConnectionError catches neither."""
import time

import requests


def fetch(url, retry_delay=5):
    for retries in range(3):
        try:
            resp = requests.get(url)
            if resp.ok:
                break
        except requests.ConnectionError:
            time.sleep(retry_delay)
    return resp


def probe(url):
    try:
        return requests.head(url).ok
    except ConnectionError:
        return False
