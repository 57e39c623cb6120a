# case: unsafe
# case: refuses the call's **kwargs is given timeout=30 before it
"""Shaped like prowler's registry client: the number is the timeout, unless a caller
passes its own."""
import requests


class RegistryClient:
    def request(self, method, url, **kwargs):
        kwargs.setdefault("timeout", 30)
        kwargs.setdefault("verify", self.verify_ssl)
        return requests.request(method, url, **kwargs)

    def get(self, url, **kwargs):
        kwargs.update({"timeout": 30})
        return requests.get(url, **kwargs)
