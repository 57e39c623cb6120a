# case: unsafe
# case: oldest-python 2.7
# case: refuses params holds no timeout, but the project supports Python 2.7, where no keyword can follow **params
"""Shaped like salt-pepper's Pepper.req_get(): the options a dict literal built just above,
in a project that still supports Python 2.7."""
import requests


def req_get(url, headers, verify):
    params = {'url': url,
              'headers': headers,
              'verify': verify is True,
              }
    resp = requests.get(**params)
    return resp.json()
