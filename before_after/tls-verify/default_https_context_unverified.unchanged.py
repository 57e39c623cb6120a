# case: unsafe
# case: refuses turns off certificate checks for every HTTPS connection urllib makes
"""Shaped like salt-pepper's pepper/libpepper.py: its import turns checks off process-wide."""
import json
import ssl

try:
    ssl._create_default_https_context = ssl._create_stdlib_context
except Exception:
    pass

from urllib.request import Request, urlopen


class Pepper(object):
    def __init__(self, api_url):
        self.api_url = api_url

    def req(self, path, data):
        request = Request(self.api_url + path, json.dumps(data).encode())
        return json.loads(urlopen(request, timeout=60).read())
