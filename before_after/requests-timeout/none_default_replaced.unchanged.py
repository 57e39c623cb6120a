# case: unsafe
# case: ignores the parameter is given the project's setting before the call (noted where a report asks)
"""Shaped like archivebox's download_url(): None means the configured timeout."""
import requests

TIMEOUT = 60


def download_url(url, timeout=None):
    timeout = timeout or TIMEOUT
    return requests.get(url, timeout=timeout).text
