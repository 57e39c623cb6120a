# case: unsafe
# case: refuses a certificate failure would be hidden
"""Shaped like networking-arista's EAPI client (ml2/rpc/arista_eapi.py): requests' SSLError is
a ConnectionError, which the handler logs as a connection failure and swallows."""
import logging

import requests

LOG = logging.getLogger(__name__)


def send(url, data, timeout):
    try:
        return requests.post(url, timeout=timeout,
                             verify=False, data=data).json()
    except requests.exceptions.ConnectionError:
        LOG.warning('Error while trying to connect to %s', url)
        return None
