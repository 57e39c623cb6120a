# case: unsafe
"""Shaped like osprofiler's Log Insight client: a prepared request sent through the session
it makes, whose send() takes no timeout either. The query_timeout is Log Insight's query
parameter, in milliseconds: no setting for the socket."""
import json

import requests


class LogInsightClient:
    def __init__(self, host, query_timeout=60000):
        self._host = host
        self._query_timeout = query_timeout
        self._session = requests.Session()

    def _send_request(self, method, path, body=None, params=None):
        url = f"https://{self._host}/{path}"
        req = requests.Request(method, url, data=json.dumps(body or {}), params=params or {})
        prepped = req.prepare()
        resp = self._session.send(prepped, verify=False, timeout=60)
        return resp.json()

    def query(self, path):
        params = {"limit": 20000, "timeout": self._query_timeout}
        return self._send_request("get", path, params=params)
