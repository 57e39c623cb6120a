# case: refuses which is given verify=False only when `self.ACME_VERIFY` is false (line 19, true by default): an operator's choice
"""Shaped like sewer's Client._request() (sewer/client.py): the request's options a
dict given 'verify': False only when the client was made with ACME_VERIFY=False
(True by default, a hack for pebble's test certificate), then passed as **kwargs
to requests.get/head/post."""
import requests


class Client:
    def __init__(self, domain_name, ACME_REQUEST_TIMEOUT=7, ACME_VERIFY=True):
        self.domain_name = domain_name
        self.ACME_REQUEST_TIMEOUT = ACME_REQUEST_TIMEOUT
        self.ACME_VERIFY = ACME_VERIFY

    def _request(self, method, url, data=None, headers=None):
        kwargs = {"timeout": self.ACME_REQUEST_TIMEOUT}

        # if ACME_VERIFY is false, disable certificate check in request
        if not self.ACME_VERIFY:
            kwargs["verify"] = False

        if method == "GET":
            response = requests.get(url, params=None, headers=headers, **kwargs)
        elif method == "HEAD":
            response = requests.head(url, headers=headers, **kwargs)
        elif method == "POST":
            response = requests.post(url, data, headers=headers, **kwargs)

        return response
