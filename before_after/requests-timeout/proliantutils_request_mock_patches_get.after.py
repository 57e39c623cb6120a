# case: unsafe
# case: project proliantutils_ribcl proliantutils/ilo/ribcl.py
# case: refuses the tests assert the exact arguments of its HTTP calls (proliantutils/tests/ilo/test_ribcl.py, line 22): add timeout=self.timeout
"""Shaped like proliantutils 2.16.3's ilo/ribcl.py: its tests patch requests.get as
request_mock and assert that get's arguments; no test asserts the post."""
import requests


class RIBCLOperations(object):
    def __init__(self, host, login, password, timeout=60, port=443):
        self.host = host
        self.login = login
        self.timeout = timeout
        self.port = port

    def _request_ilo(self, xml):
        urlstr = 'https://%s:%d/ribcl' % (self.host, self.port)
        response = requests.post(urlstr, data=xml, timeout=self.timeout)
        response.raise_for_status()
        return response.text

    def _request_host(self):
        urlstr = 'https://%s/xmldata?item=all' % (self.host)
        response = requests.get(urlstr, verify=False)
        response.raise_for_status()
        return response.text
