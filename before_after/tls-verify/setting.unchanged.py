# case: unsafe
# case: ignores a verify setting is the operator's choice; advice only where a report points
import requests


class Client:
    def __init__(self, ssl_verify):
        self.ssl_verify = ssl_verify

    def get(self, url):
        return requests.get(url, timeout=30, verify=self.ssl_verify)
