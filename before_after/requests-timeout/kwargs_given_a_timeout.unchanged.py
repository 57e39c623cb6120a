# case: unsafe
# case: refuses **kwargs is given a timeout before it
import requests


class Client:
    def request(self, method, url, **kwargs):
        if self.timeout is not None:
            kwargs['timeout'] = float(self.timeout)
        return requests.request(method, url, allow_redirects=False, **kwargs)

    def get(self, url, **kwargs):
        kwargs.update(timeout=self.timeout)
        return requests.get(url, **kwargs)

    def put(self, url, **kwargs):
        kwargs.setdefault("timeout", self.timeout)
        return requests.put(url, **kwargs)
