# case: unsafe
"""A handler of ConnectionError that logs the error it caught: a certificate failure shows in
the log as one ("certificate verify failed"), so verifying there hides nothing."""
import logging

import requests

LOG = logging.getLogger(__name__)


def send(url, data, timeout):
    try:
        return requests.post(url, timeout=timeout, data=data).json()
    except requests.exceptions.ConnectionError as error:
        LOG.warning('Cannot reach %s: %s', url, error)
        return None


def fetch(url):
    try:
        return requests.get(url, timeout=10).json()
    except requests.RequestException:
        LOG.exception('Cannot fetch %s', url)
        return None


def version(url):
    return requests.get(url, timeout=10).json()
