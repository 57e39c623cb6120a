# case: unsafe
# case: project cinderclient_client cinderclient/client.py
# case: refuses the tests assert the exact arguments of its HTTP calls (cinderclient/tests/unit/test_client.py, line 27): add timeout=60
# case: refuses the tests assert the exact arguments of its HTTP calls (cinderclient/tests/unit/test_http.py, line 23): add timeout=60
"""Shaped like python-cinderclient 9.10.0's client.py: the tests pin get_server_version()'s
requests.get through a patch of it (test_client.py), and HTTPClient's requests.request
through a patch of the package's attribute (test_http.py); mock_request of keystoneauth1's
LegacyJsonAdapter.request pins neither."""
import requests


def get_server_version(url, insecure=False, cacert=None, cert=None):
    verify_cert = not insecure
    response = requests.get(url, verify=verify_cert, cert=cert)
    return response.text


class HTTPClient(object):
    def __init__(self, user, password, projectid, auth_url, insecure=False):
        self.verify_cert = not insecure

    def request(self, url, method, **kwargs):
        resp = requests.request(method, url, verify=self.verify_cert)
        return resp
