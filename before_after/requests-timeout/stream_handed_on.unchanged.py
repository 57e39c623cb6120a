# case: unsafe
# case: oldest-python 3.8
# case: refuses a streamed response handed on or read line by line
"""Shaped like salt-pepper's Pepper.req_stream(): salt-api's /events feed, returned for
the caller to iterate. A timeout bounds every read of a streamed response, so a read
timeout would end the feed after any quiet spell longer than it."""
import requests


def req_stream(url, headers):
    params = {'url': url,
              'headers': headers,
              'stream': True
              }
    resp = requests.get(**params)
    if resp.status_code == 401:
        raise RuntimeError('Authentication denied')
    return resp


def poll(url):
    return requests.get(url, stream=True).iter_lines()


def events(url, headers):
    resp = requests.get(url, headers=headers, stream=True)
    for line in resp.iter_lines():
        yield line
