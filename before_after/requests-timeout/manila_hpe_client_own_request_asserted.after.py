# case: unsafe
# case: project manila_hpe manila/share/drivers/hpe/alletra_mp_b10000/rest_client/rest_client.py
"""Shaped like manila 23.0.1's hpe/alletra_mp_b10000/rest_client/rest_client.py, less its
timeout setting: its tests assert the exact arguments of self.client.request, the
client's own method they replace (self.client.request = mock.Mock(...)), not requests'."""

import json

import requests


class HpeAlletraRestClient(object):

    def __init__(self, api_url, user, password, secure=False):
        self.api_url = api_url.rstrip('/')
        self.user = user
        self.password = password
        self.session_key = None
        self.secure = secure

    def get(self, url, **kwargs):
        return self.request(False, self.api_url + url, 'GET', **kwargs)

    def request(self, auth_request, *args, **kwargs):
        kwargs.setdefault('headers', {})
        kwargs['headers']['Content-Type'] = 'application/json'
        if not auth_request:
            kwargs['headers']['Authorization'] = "Bearer " + self.session_key
        payload = json.dumps(kwargs['body']) if 'body' in kwargs else None
        http_url = args[0]
        http_method = args[1]

        r = requests.request(http_method, http_url, data=payload,
                             headers=kwargs['headers'],
                             verify=self.secure,
                             timeout=60)

        body = r.text
        r.close()
        return r.headers, json.loads(body) if body else None
