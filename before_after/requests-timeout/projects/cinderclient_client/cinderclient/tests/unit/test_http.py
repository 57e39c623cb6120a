"""Shaped like python-cinderclient 9.10.0's tests/unit/test_http.py: mock_request replaces
the requests.request the HTTPClient calls (the package's attribute: requests.get calls
requests.api's request, which that patch leaves as it is)."""
from unittest import mock

import requests

from cinderclient import client
from cinderclient.tests.unit import utils

mock_request = mock.Mock(return_value=(mock.Mock(status_code=200, text='{"hi": "there"}')))


class ClientTest(utils.TestCase):

    def test_get(self):
        cl = client.HTTPClient("username", "password", "project_id", "auth_test")

        @mock.patch.object(requests, "request", mock_request)
        @mock.patch('time.time', mock.Mock(return_value=1234))
        def test_get_call():
            cl.get("/hi")
            mock_request.assert_called_with(
                "GET",
                "http://example.com/hi",
                verify=True)

        test_get_call()
