# case: unsafe
import requests


def reachable(url):
    response = requests.get(
        url, timeout=10
    )
    return response.ok


def login(url, body):
    return requests.post(
        url,
        json=body,
        timeout=10,
    )


def version(url):
    # Verified like most calls of a module: the calls above are the exceptions.
    return requests.get(url, timeout=5).json()
