"""Shaped like python-cinderclient 9.10.0's tests/unit/test_client.py, without the patches
of requests.get: the mock of the package's requests.request and the mock of keystoneauth1's
LegacyJsonAdapter.request pin no call of requests.get."""
from unittest import mock

import requests

from cinderclient import client
from cinderclient.tests.unit import utils


class ClientTest(utils.TestCase):

    @mock.patch.object(requests, "request")
    def test_request(self, mock_request):
        client.get_server_version("https://example.com/v3/project")
        mock_request.assert_called_with("GET", "https://example.com/")

    @mock.patch('keystoneauth1.adapter.LegacyJsonAdapter.request')
    def test_http_log_debug_request(self, mock_request):
        client.get_server_version("https://example.com/v3/project")
        mock_request.assert_called_once_with(mock.sentinel.url)
