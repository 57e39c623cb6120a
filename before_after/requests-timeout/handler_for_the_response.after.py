# case: unsafe
import requests


def version(url):
    try:
        return requests.get(url, timeout=60).json()['version']
    except (ValueError, KeyError):
        return None
