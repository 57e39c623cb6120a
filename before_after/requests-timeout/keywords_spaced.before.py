# case: unsafe
"""Shaped like mkdocs-material's info plugin: keywords written with spaces around =."""
import requests


def latest_release(url):
    response = requests.get(url, allow_redirects = False)
    return response.headers.get("location")
