# case: unsafe
# case: refuses this module silences urllib3's InsecureRequestWarning
"""Shaped like monasca-agent's SolidFire check: a storage cluster's own certificate."""
import json
import warnings

import requests
from requests.packages.urllib3 import exceptions


def issue_api_request(endpoint, method, params):
    payload = {'method': method, 'params': params}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", exceptions.InsecureRequestWarning)
        return requests.post(endpoint['url'], data=json.dumps(payload),
                             auth=(endpoint['login'], endpoint['passwd']),
                             verify=False, timeout=30)
