from unittest import mock

import requests

from osprofiler.drivers import loginsight
from osprofiler.tests import test


class LogInsightClientTestCase(test.TestCase):
    def setUp(self):
        super().setUp()
        self._client = loginsight.LogInsightClient("localhost")

    def test_send_request(self):
        resp = mock.Mock()
        self._client._session.send = mock.Mock(return_value=resp)
        prep_req = mock.sentinel.prep_req
        with mock.patch.object(requests.Request, "prepare", return_value=prep_req):
            self._client._send_request("POST", "api/v1/events")
        self._client._session.send.assert_called_once_with(prep_req, verify=False)
