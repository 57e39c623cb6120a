# case: unsafe
# case: oldest-python 3.10
# case: refuses the call's **self._req_params is a dict given a timeout where it is made (line 21)
"""Shaped like networking-odl's OpenDaylight v2 statistics client: __init__ binds
self._req_params once to what _get_req_params() returns, a dict literal made with the
timeout, then given only 'auth'; the call's **self._req_params holds the timeout."""
import requests
from requests import auth


class Client:
    def __init__(self, conf, endpoint, params):
        self._endpoint = endpoint
        self.conf = conf
        self._req_params = self._get_req_params(params)
        self.session = requests.Session()

    def _get_req_params(self, params):
        req_params = {
            'headers': {'Accept': 'application/json'},
            'timeout': self.conf.http_timeout,
        }
        if params.get('auth') == 'basic':
            req_params['auth'] = auth.HTTPBasicAuth(params.get('user'), params.get('password'))
        return req_params

    def _log_req(self, url):
        if 'auth' in self._req_params:
            return self._req_params['auth'].username
        return ', '.join(self._req_params['headers'])

    def _http_request(self, url):
        resp = self.session.get(url, **self._req_params)
        return resp.json()
