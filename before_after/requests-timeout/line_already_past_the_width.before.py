"""aim 3.29.1's aim/ext/transport/client.py: a call on a line already past 79 columns.

flake8 reports a long line once however long it is, so the line takes the timeout;
workplace_notifier.py's, under 79 before, would end at 83: it breaks after its
last argument instead, the timeout aligned under the first.
"""

# case: unsafe
import requests


class Client:
    def run_instruction(self, endpoint, request_data):
        response = requests.post(endpoint, json=request_data, headers=self.request_headers, verify=self.ssl_certfile)
        return response.json()

    def notify(self, msg, params):
        requests.post(self.url, json={'message': msg}, params=params)
