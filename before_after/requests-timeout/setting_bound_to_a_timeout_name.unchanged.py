# case: unsafe
# case: refuses the module has HTTP_TIMEOUT, a timeout the project sets
"""Shaped like solum's common/repo_utils.py: a module-level name that says timeout, bound
to the project's setting (an oslo.config option the operator sets), is the timeout to pass,
though the module shows no number for it."""
from oslo_config import cfg
import requests

CONF = cfg.CONF
HTTP_TIMEOUT = CONF.api.http_request_timeout


def send(url, data):
    return requests.post(url, data=data)
