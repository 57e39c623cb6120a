# case: unsafe
# case: refuses the module has self._call_context['timeout'], a timeout the project sets
"""Shaped like adal's oauth2_client.py, with the user's timeout setting read by key."""
import requests


class OAuth2Client(object):
    def __init__(self, call_context, authority):
        self._call_context = call_context
        self._token_endpoint = authority.token_endpoint

    def get_token(self, body, headers):
        return requests.post(self._token_endpoint, data=body, headers=headers,
                             timeout=self._call_context['timeout'])

    def get_token_with_polling(self, body, headers):
        return requests.post(self._token_endpoint, data=body, headers=headers)
