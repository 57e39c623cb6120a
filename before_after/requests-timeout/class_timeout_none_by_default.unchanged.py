# case: unsafe
# case: refuses the module has self.timeout, a timeout the project sets: pass that to the call by hand rather than a fixed 60 s; it is None by default (__init__()'s timeout=None), so give it a number there too
"""A client that keeps the timeout its caller gives, None unless one is given: passing it
would still wait forever by default."""
import requests


class Client(object):
    def __init__(self, host, timeout=None):
        self.host = host
        self.timeout = timeout

    def status(self):
        return requests.get('https://%s/status' % self.host).json()
