# case: unsafe
"""Shaped like aim's transport client, had its calls passed two timeouts: no one of them is
the module's, so a new one gets 60 s."""
import requests


class Client:
    def protocol_probe(self, endpoint):
        try:
            return requests.get(endpoint, headers=self.request_headers, timeout=10)
        except Exception:
            return None

    def upload(self, endpoint, data):
        return requests.put(endpoint, data=data, headers=self.request_headers, timeout=300)

    def get_resource_handler(self, endpoint, request_data):
        response = requests.post(endpoint, json=request_data, headers=self.request_headers, timeout=60)
        return response.json()
