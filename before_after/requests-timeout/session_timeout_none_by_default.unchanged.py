# case: unsafe
# case: oldest-python 3.8
# case: refuses timeout=self.timeout is None by default (__init__()'s timeout=None)
"""Shaped like pyzabbix's ZabbixAPI: the class makes its session (or takes the caller's)
and passes the timeout __init__ takes, None unless the caller gives one, so a stock
requests.Session waits forever."""
from requests import Session

import requests


class ZabbixAPI:
    def __init__(self, server, session=None, timeout=None):
        self.session = session or Session()
        self.session.headers.update({"Content-Type": "application/json-rpc"})
        self.timeout = timeout
        self.url = server

    def do_request(self, payload):
        resp = self.session.post(self.url, json=payload, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()


class Client:
    def __init__(self, url, timeout=None):
        self.session = requests.Session()
        self.timeout = timeout
        self.url = url

    def call(self, payload):
        return self.session.post(self.url, json=payload, timeout=self.timeout)
