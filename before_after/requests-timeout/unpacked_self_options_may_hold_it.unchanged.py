# case: unsafe
# case: oldest-python 3.10
# case: refuses the call passes **self.kwargs, which may hold the timeout
"""The options an attribute bound to a dict literal, but changed by other means too:
updated, set by a key not known, handed out, or written from outside the class."""
import requests


class Updated:
    def __init__(self, extra):
        self.kwargs = {'headers': {}}
        self.kwargs.update(extra)

    def fetch(self, url):
        return requests.get(url, **self.kwargs)


class KeyedByName:
    def __init__(self, key, value):
        self.kwargs = {}
        self.kwargs[key] = value

    def fetch(self, url):
        return requests.get(url, **self.kwargs)


class HandedOut:
    def __init__(self):
        self.kwargs = {}

    def options(self):
        return self.kwargs

    def fetch(self, url):
        return requests.get(url, **self.kwargs)


class GivenATimeout:
    def __init__(self):
        self.params = {'headers': {}}

    def fetch(self, url):
        return requests.get(url, **self.params)


def configure(client):
    client.params['timeout'] = None
