# case: unsafe
# case: oldest-python 3.10
# case: refuses the call passes **self._p, which may hold the timeout
"""An attribute bound to what a method returns, a dict literal with a timeout, but one
the method updates from its argument, makes with None, or the class deletes: it may hold
no timeout, or one of None."""
import requests


class Updated:
    def __init__(self, extra):
        self._p = self._params(extra)

    def _params(self, extra):
        p = {'timeout': 10}
        p.update(extra)
        return p

    def get(self, url):
        return requests.get(url, **self._p)


class MadeWithNone:
    def __init__(self):
        self._p = self._params()

    def _params(self):
        p = {'timeout': None}
        return p

    def get(self, url):
        return requests.get(url, **self._p)


class Deleted:
    def __init__(self):
        self._p = self._params()
        del self._p['timeout']

    def _params(self):
        return {'timeout': 10}

    def get(self, url):
        return requests.get(url, **self._p)
