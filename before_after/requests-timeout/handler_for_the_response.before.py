# case: unsafe
import requests


def version(url):
    try:
        return requests.get(url).json()['version']
    except (ValueError, KeyError):
        return None
