# case: unsafe
"""Shaped like etesync's service module: BaseManager makes the session in
__init__, and the managers that derive from it in the module call it."""
import requests


class BaseManager:
    def __init__(self, remote, auth_token):
        self.remote = remote
        self.requests = requests.Session()
        self.requests.headers.update({'Authorization': 'Token ' + auth_token})

    def detail(self, path):
        return self.requests.get(self.remote + path)


class JournalManager(BaseManager):
    def list(self):
        response = self.requests.get(self.remote + 'journals/')
        return response.json()


class MemberManager(JournalManager):
    def add(self, data):
        return self.requests.post(self.remote + 'm/', json=data)
