# case: unsafe
# case: oldest-python 3.5
"""Shaped like bugsnag's delivery: the options a dict literal built just above."""
import requests


def deliver(uri, payload, headers, proxy_host=None):
    req_options = {'data': payload, 'headers': headers}
    if proxy_host:
        req_options['proxies'] = {'https': proxy_host, 'http': proxy_host}
    response = requests.post(uri, **req_options)
    return response.status_code
