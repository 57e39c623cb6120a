# case: unsafe
# case: refuses the module has http_req_timeout, a timeout the project sets
"""Shaped like solum's common/repo_utils.py: the operator's http_request_timeout (an
oslo.config option, 2 s by default) is bound to a module-level name the module's httplib2
client is given; send_status() runs in an API request and should wait that long, not 60 s."""
import json

import httplib2
from oslo_config import cfg
import requests

http_timeout_opt = [
    cfg.IntOpt('http_request_timeout',
               default=2,
               help='Timeout value in seconds for sending http requests')
]

CONF = cfg.CONF
CONF.register_opts(http_timeout_opt, group='api')
http_req_timeout = CONF.api.http_request_timeout


def get_http_connection():
    return httplib2.Http(timeout=http_req_timeout)


def send_status(status_url, headers, data):
    resp = requests.post(status_url, headers=headers,
                         data=json.dumps(data))
    return resp
