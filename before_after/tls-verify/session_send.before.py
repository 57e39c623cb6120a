# case: unsafe
"""Shaped like osprofiler's LogInsightClient (osprofiler/drivers/loginsight.py): a stock
requests.Session() made in __init__, a prepared request sent with verify=False."""
import json

import requests


class LogInsightClient:
    def __init__(self, host):
        self._host = host
        self._session = requests.Session()

    def _send_request(self, method, path, body=None):
        url = f"https://{self._host}:9543/{path}"
        req = requests.Request(method, url, data=json.dumps(body or {}))
        prepped = req.prepare()
        resp = self._session.send(prepped, verify=False)
        return resp.json()
