# case: unsafe
# case: project oslo_vmware oslo_vmware/service.py
# case: refuses the tests assert the exact arguments of its HTTP calls (oslo_vmware/tests/test_service.py, line
"""Shaped like oslo.vmware 4.x's oslo_vmware/service.py: its test module names neither
requests nor httpx, yet asserts session.get's exact arguments (mock.sentinel.url,
verify=...), which a timeout=60 would break."""

import io

import requests


class RequestsTransport:
    def __init__(self, cacert=None, insecure=True):
        self.verify = cacert if cacert else not insecure
        self.session = requests.Session()

    def open(self, request):
        resp = self.session.get(request.url, verify=self.verify)
        return io.BytesIO(resp.content)
