# case: unsafe
# case: refuses all 2 HTTP calls of this module turn certificate checks off
"""Shaped like networking-cisco's NDFC helper: one appliance, its own certificate."""
import requests


class Controller(object):
    def login(self, payload):
        return requests.post(self.url + '/login', json=payload, timeout=30,
                             verify=False)

    def networks(self):
        return requests.get(self.url + '/networks', headers=self.headers,
                            timeout=30, verify=False)
