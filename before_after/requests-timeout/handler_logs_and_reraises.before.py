# case: unsafe
"""Shaped like kuryr-kubernetes' CNI runner: the try around the call catches ConnectionError
only to log it and raise it again, so nothing recovers there, and a Timeout escaping it
changes nothing for the caller."""
import logging

import requests

LOG = logging.getLogger(__name__)


def make_request(address, path, cni_envs):
    url = "http://%s/%s" % (address, path)
    try:
        LOG.debug("Making request to CNI Daemon. %s", url)
        resp = requests.post(url, json=cni_envs, headers={"Connection": "close"})
    except requests.ConnectionError:
        LOG.exception("Looks like %s cannot be reached. Is kuryr-daemon running?", address)
        raise
    return resp
