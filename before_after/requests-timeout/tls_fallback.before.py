# case: unsafe
"""Shaped like nikola's theme command: https first, then plain http where TLS fails."""
import requests


def fetch_index(url):
    try:
        data = requests.get(url).text
    except requests.exceptions.SSLError:
        url = url.replace('https', 'http', 1)
        data = requests.get(url).text
    return data
