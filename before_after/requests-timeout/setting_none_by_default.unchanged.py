# case: unsafe
# case: refuses the module has self.timeout, a timeout the project sets: pass that to the call by hand rather than a fixed 60 s; it is None by default (__init__()'s timeout=None), so give it a number there too
"""Shaped like pymisp's api.py: the client's calls pass self.timeout, which is None unless
the caller gives one."""
import requests


class PyMISP:
    def __init__(self, url, timeout=None):
        self.url = url
        self.timeout = timeout

    def send(self, prepared, session):
        return session.send(prepared, timeout=self.timeout)

    def version(self):
        return requests.get(self.url + "/version")
