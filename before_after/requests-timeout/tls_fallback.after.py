# case: unsafe
"""Shaped like nikola's theme command: https first, then plain http where TLS fails."""
import requests


def fetch_index(url):
    try:
        data = requests.get(url, timeout=60).text
    except requests.exceptions.SSLError:
        url = url.replace('https', 'http', 1)
        data = requests.get(url, timeout=60).text
    return data
