"""Shaped like kuryr-kubernetes 10.0.0's test_api.py: the patched requests.post, named
m_post as OpenStack's tests name their mocks, is handed to a helper that asserts its exact
arguments."""
from unittest import mock

from kuryr_kubernetes.cni import api


class TestCNIDaemonizedRunner:
    def _test_run(self, cni_cmd, path, m_post):
        runner = api.CNIDaemonizedRunner()
        result = runner.run({"CNI_COMMAND": cni_cmd}, "{}")
        m_post.assert_called_with(
            "http://127.0.0.1:5036/%s" % path, json=mock.ANY,
            headers={"Connection": "close"})
        return result

    @mock.patch("requests.post")
    def test_run_add(self, m_post):
        m_post.return_value = mock.Mock(status_code=202)
        assert self._test_run("ADD", "addNetwork", m_post) == 0
