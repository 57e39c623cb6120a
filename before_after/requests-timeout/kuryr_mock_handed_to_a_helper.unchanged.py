# case: unsafe
# case: project kuryr_cni kuryr_kubernetes/cni/api.py
# case: refuses the tests assert the exact arguments of its HTTP calls (kuryr_kubernetes/tests/unit/cni/test_api.py, line 13)
"""Shaped like kuryr-kubernetes 10.0.0's cni/api.py: its test asserts the post's exact
arguments through a mock named m_post (the handler only logs and re-raises, so it does not
stand in the way; the test does)."""
import logging

import requests

LOG = logging.getLogger(__name__)


class CNIDaemonizedRunner:
    def _make_request(self, path, cni_env, expected_status=None):
        address = "127.0.0.1:5036"
        url = "http://%s/%s" % (address, path)
        try:
            resp = requests.post(url, json=cni_env, headers={"Connection": "close"})
        except requests.ConnectionError:
            LOG.exception("Looks like %s cannot be reached. Is kuryr-daemon running?", address)
            raise
        return resp

    def run(self, env, fin):
        return self._make_request("addNetwork", env)
