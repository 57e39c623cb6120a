# case: unsafe
# case: refuses verifying here makes a certificate failure fall back to http://, a downgrade
"""Shaped like arjun's scheme fallback written as a retry in the handler (nikola's theme
command retries over http where TLS fails)."""
import requests


def fetch_index(url):
    try:
        return requests.get(url, verify=False, timeout=10).text
    except requests.exceptions.RequestException:
        url = url.replace('https', 'http', 1)
        return requests.get(url, timeout=10).text
