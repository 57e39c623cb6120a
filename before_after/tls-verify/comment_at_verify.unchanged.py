# case: unsafe
# case: refuses a comment at verify=False gives the project's reason for it
"""Shaped like python-dracclient's WS-Man client: a BMC reached by address."""
import requests


class Client(object):
    def __init__(self, host, username, password):
        self.endpoint = 'https://%s:443/wsman' % host
        self.auth = requests.auth.HTTPBasicAuth(username, password)

    def _do_request(self, payload):
        return requests.post(
            self.endpoint,
            auth=self.auth,
            data=payload,
            timeout=60,
            # TODO(ifarkas): enable cert verification
            verify=False)
