# case: unsafe
# case: oldest-python 3.8
# case: refuses a streamed response handed on or read line by line (stream=True)
"""Shaped like icinga2api's Base._request(): the request's options a dict that is given
'stream' by key, then passed as **request_args; the response is an event feed, handed
on or read line by line, which a read timeout would end after any quiet spell."""
import requests


def events(url):
    request_args = {'url': url}
    request_args['stream'] = True
    response = requests.post(**request_args)
    for line in response.iter_lines():
        yield line


def request(url, payload=None, stream=False):
    session = requests.Session()
    request_args = {
        'url': url
    }
    if payload:
        request_args['json'] = payload
    if stream:
        request_args['stream'] = True
    response = session.post(**request_args)
    if stream:
        return response
    return response.json()


def subscribe(url):
    options = {'url': url}
    options.setdefault('stream', True)
    return requests.get(**options)


def follow(url):
    options = {'url': url}
    options.update(stream=True)
    return requests.get(**options)


class Feed:
    def __init__(self, url):
        self.url = url
        self.kwargs = {}
        self.kwargs['stream'] = True

    def open(self):
        return requests.get(self.url, **self.kwargs)
