# case: unsafe
# case: refuses the module has request_wait, a timeout the project sets
"""Shaped like solum's common/repo_utils.py: a lowercase module-level name, given to the
module's httplib2 client as timeout=, is the project's request timeout though its name says
none."""
import httplib2
from oslo_config import cfg
import requests

CONF = cfg.CONF
request_wait = CONF.api.request_wait


def get_http_connection():
    return httplib2.Http(timeout=request_wait)


def send(url, data):
    return requests.post(url, data=data)
