# case: unsafe
# case: refuses add 'timeout': self.timeout where it is made
"""Shaped like proliantutils' ilo/ribcl.py: RIBCLOperations keeps the timeout the operator
gives IloClient (60 by default) in self.timeout; its posts and gets pass none, and a fixed
60 s would ignore that setting."""
import requests


class RIBCLOperations(object):
    def __init__(self, host, login, password, timeout=60, port=443, cacert=None):
        self.host = host
        self.login = login
        self.timeout = timeout
        self.cacert = cacert

    def _request_ilo(self, xml):
        urlstr = 'https://%s/ribcl' % self.host
        response = requests.post(urlstr, data=xml)
        response.raise_for_status()
        return response.text

    def _request_host(self):
        urlstr = 'https://%s/xmldata?item=all' % (self.host)
        kwargs = {}
        if self.cacert is not None:
            kwargs['verify'] = self.cacert
        else:
            kwargs['verify'] = False
        response = requests.get(urlstr, **kwargs)
        return response.text
