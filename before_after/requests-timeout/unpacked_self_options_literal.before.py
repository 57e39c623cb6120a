# case: unsafe
# case: oldest-python 3.10
"""Shaped like bugwarrior's GitHub and Bitbucket clients: the options a dict literal
bound to an attribute in __init__, changed only by string keys."""
import requests


class GithubClient:
    def __init__(self, host, auth):
        self.host = host
        self.session = requests.Session()
        self.kwargs = {}
        if 'basic' in auth:
            self.kwargs['auth'] = auth['basic']

    def get_query(self, query):
        url = f"https://{self.host}/search/issues?q={query}"
        response = self.session.get(url, **self.kwargs)
        return response.json()


class BitbucketService:
    def __init__(self, token):
        self.requests_kwargs = {
            'headers': {'Authorization': f"Bearer {token}"}
        }

    def get_data(self, url):
        return requests.get(url, **self.requests_kwargs).json()
