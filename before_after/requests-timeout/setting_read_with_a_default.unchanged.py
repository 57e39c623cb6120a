# case: unsafe
# case: refuses the module has self._call_context.get('timeout', None), a timeout the project sets
# case: refuses a timeout the project sets: pass that to the call by hand rather than a fixed 60 s; it is None where unset (the .get()'s default), so give it a number by default
"""Shaped like adal's oauth2_client.py: the token requests pass the user's
AuthenticationContext(timeout=None) setting, read with an explicit default; the polling
request passes none."""
import requests


class OAuth2Client(object):
    def __init__(self, call_context, authority):
        self._call_context = call_context
        self._token_endpoint = authority.token_endpoint

    def get_token(self, body, headers):
        return requests.post(self._token_endpoint, data=body, headers=headers,
                             proxies=self._call_context.get('proxies', None),
                             timeout=self._call_context.get('timeout', None))

    def get_token_with_polling(self, body, headers):
        return requests.post(self._token_endpoint, data=body, headers=headers,
                             proxies=self._call_context.get('proxies', None))
