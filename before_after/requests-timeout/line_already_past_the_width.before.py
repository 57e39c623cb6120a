"""aim 3.29.1's aim/ext/transport/client.py: a call on a line already past 79 columns.

flake8 reports a long line once however long it is, so the line takes the timeout;
the 83-column line of workplace_notifier.py, under 79 before, stays as it was.
"""

# case: unsafe
# case: refuses timeout=60 would run past 79 columns
import requests


class Client:
    def run_instruction(self, endpoint, request_data):
        response = requests.post(endpoint, json=request_data, headers=self.request_headers, verify=self.ssl_certfile)
        return response.json()

    def notify(self, msg, params):
        requests.post(self.url, json={'message': msg}, params=params)
