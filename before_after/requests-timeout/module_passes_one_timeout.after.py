# case: unsafe
"""Shaped like aim's transport client: the module's other requests pass timeout=10, so a
new one follows it rather than 60 s of cwemod's own."""
import requests


class Client:
    def protocol_probe(self, endpoint):
        try:
            return requests.get(endpoint, headers=self.request_headers, timeout=10)
        except Exception:
            return None

    def release_resource(self, endpoint):
        response = requests.get(endpoint, headers=self.request_headers, timeout=10)
        return response.json()

    def get_resource_handler(self, endpoint, request_data):
        response = requests.post(endpoint, json=request_data, headers=self.request_headers, timeout=10)
        return response.json()
