# case: unsafe
# case: refuses the try around it catches ConnectionError, which covers a connect timeout
"""Shaped like kuryr-kubernetes' CNI runner, but its handler raises an error of its own
for the caller to catch, which a Timeout would escape."""
import logging

import requests

LOG = logging.getLogger(__name__)


class CNIError(Exception):
    pass


def make_request(address, path, cni_envs):
    url = "http://%s/%s" % (address, path)
    try:
        resp = requests.post(url, json=cni_envs, headers={"Connection": "close"})
    except requests.ConnectionError as exc:
        LOG.exception("Looks like %s cannot be reached. Is kuryr-daemon running?", address)
        raise CNIError(str(exc))
    return resp
