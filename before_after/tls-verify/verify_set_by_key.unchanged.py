# case: refuses the call passes **request_args, which is given verify=False
# case: refuses certificate checks are off by default there
"""Shaped like icinga2api's Base._request(): the request's options a dict given
'verify' by key, False where no CA certificate is configured, then passed as
**request_args to a session the function makes or to requests.post()."""
import requests


def request(manager, url, payload=None):
    session = requests.Session()
    request_args = {
        'url': url
    }
    if payload:
        request_args['json'] = payload
    if manager.ca_certificate:
        request_args['verify'] = manager.ca_certificate
    else:
        request_args['verify'] = False
    response = session.post(**request_args)
    return response.json()


def post(url, payload):
    request_args = {'url': url, 'json': payload}
    request_args['verify'] = False
    return requests.post(timeout=30, **request_args).json()
