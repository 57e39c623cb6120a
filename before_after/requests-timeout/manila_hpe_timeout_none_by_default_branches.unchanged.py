# case: unsafe
# case: project manila_hpe manila/share/drivers/hpe/alletra_mp_b10000/rest_client/rest_client.py
# case: refuses runs where self.timeout is unset (`self.timeout` is false, line 29), None by default (__init__()'s timeout=None), and the call then waits forever: give __init__()'s timeout a number by default
"""Shaped like manila 23.0.1's hpe/alletra_mp_b10000/rest_client/rest_client.py: the first
call passes timeout=self.timeout only under `if self.timeout:`, so never None; the one in
the else branch runs where it is unset, None by default, and waits forever."""

import json

import requests


class HpeAlletraRestClient(object):

    def __init__(self, api_url, user, password, secure=False, timeout=None):
        self.api_url = api_url.rstrip('/')
        self.user = user
        self.password = password
        self.session_key = None
        self.timeout = timeout
        self.secure = secure

    def request(self, auth_request, *args, **kwargs):
        kwargs.setdefault('headers', {})
        payload = json.dumps(kwargs['body']) if 'body' in kwargs else None
        http_url = args[0]
        http_method = args[1]

        if self.timeout:
            r = requests.request(http_method, http_url, data=payload,
                                 headers=kwargs['headers'],
                                 verify=self.secure,
                                 timeout=self.timeout)
        else:
            r = requests.request(http_method, http_url, data=payload,
                                 headers=kwargs['headers'],
                                 verify=self.secure)

        body = r.text
        r.close()
        return r.headers, json.loads(body) if body else None
