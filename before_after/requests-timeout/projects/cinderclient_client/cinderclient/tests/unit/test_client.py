"""Shaped like python-cinderclient 9.10.0's tests/unit/test_client.py: mock_request is
keystoneauth1's LegacyJsonAdapter.request (ddt hands its data first, the patch its mock
last); only the mock of requests.get asserts get_server_version()'s call."""
from unittest import mock

import ddt

from cinderclient import client
from cinderclient.tests.unit import utils


@ddt.ddt
class ClientTest(utils.TestCase):

    @mock.patch('keystoneauth1.adapter.LegacyJsonAdapter.request',
                return_value=(mock.Mock(), mock.Mock()))
    @ddt.data(True, False, None)
    def test_http_log_debug_request(self, http_log_debug, mock_request):
        cs = client.SessionClient(self, api_version='3.0')
        cs.request(mock.sentinel.url, mock.sentinel.OP, raise_exc=False)
        mock_request.assert_called_once_with(
            mock.sentinel.url, mock.sentinel.OP, raise_exc=False, authenticated=False)

    @mock.patch('cinderclient.client.requests.get')
    def test_get_server_version_insecure(self, mock_request):
        client.get_server_version("https://example.com/v3/project", True)
        mock_request.assert_called_once_with("https://example.com/",
                                             verify=False,
                                             cert=None)
