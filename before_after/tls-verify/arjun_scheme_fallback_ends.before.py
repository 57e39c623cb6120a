# case: unsafe
"""Shaped like arjun's stable_request() where a failure does not go on to http: the handler
raises, or the loop is over hosts, not schemes (and says why a mirror failed)."""
import logging

import requests

LOG = logging.getLogger(__name__)


def stable_request(host, path, headers):
    for scheme in ('https', 'http'):
        try:
            response = requests.get(scheme + '://' + host + path, headers=headers,
                                    verify=False, timeout=10)
            return response.url
        except requests.exceptions.RequestException:
            raise


def first_mirror(mirrors, path):
    for mirror in mirrors:
        try:
            return requests.get('https://' + mirror + path, verify=False,
                                timeout=10)
        except requests.exceptions.ConnectionError as error:
            LOG.warning('Skipping %s: %s', mirror, error)
            continue
    return None


def version(url):
    # Verified like most calls of the module: the calls above are the exceptions.
    return requests.get(url, timeout=5).json()
