# case: unsafe
# case: refuses the module has params.get("_timeout"), a timeout the project sets
"""Shaped like pywb's index sources: each source is given its timeout per request."""
import requests


def load_remote(url, params):
    return requests.get(url, timeout=params.get("_timeout")).text


def load_xml(url, params):
    return requests.get(url).text
