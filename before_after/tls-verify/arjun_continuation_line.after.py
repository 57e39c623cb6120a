# case: unsafe
"""Shaped like arjun's requests (arjun/core/utils.py): verify=False on a continuation line;
the other arguments stay on their lines."""
import requests


def probe(url, headers):
    r = requests.get(url, headers=headers, allow_redirects=False,
                     timeout=10, stream=False)
    return r


def head(url, headers):
    return requests.head(url, headers=headers,
                         timeout=10)


def post(url, data):
    return requests.post(url, data=data,
                         timeout=10)


def put(url, data):
    return requests.put(url, data=data,
                        timeout=10)


def delete(url, data):
    return requests.delete(url, data=data, timeout=10)


def version(url):
    # Verified like most calls of the module: the calls above are the exceptions.
    return requests.get(url, timeout=5).json()
