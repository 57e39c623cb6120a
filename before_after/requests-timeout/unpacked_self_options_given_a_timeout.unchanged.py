# case: unsafe
# case: oldest-python 3.10
# case: refuses the call's **self.kwargs is given timeout=30 before it
"""Shaped like bugwarrior's clients, whose options dict is given its timeout by key in
__init__: the timeout is in the mapping already."""
import requests


class Client:
    def __init__(self, auth):
        self.kwargs = {}
        self.kwargs['timeout'] = 30
        if auth:
            self.kwargs['auth'] = auth

    def fetch(self, url):
        return requests.get(url, **self.kwargs).json()
