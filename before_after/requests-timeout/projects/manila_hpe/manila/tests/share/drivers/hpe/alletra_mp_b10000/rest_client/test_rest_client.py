"""Shaped like manila 23.0.1's test_rest_client.py: the tests replace the client's own
request() by assignment and assert its exact arguments; those that patch requests.request
read only call_args[1]['data'], which an added timeout= leaves as it is."""

from unittest import mock

from manila.share.drivers.hpe.alletra_mp_b10000.rest_client import (
    rest_client
)
from manila import test


class HpeAlletraRestClientTestCase(test.TestCase):

    def setUp(self):
        super(HpeAlletraRestClientTestCase, self).setUp()
        self.api_url = 'https://1.2.3.4:8080/api/v3'
        self.client = rest_client.HpeAlletraRestClient(
            self.api_url, 'testuser', 'testpass'
        )

    def test_get_method(self):
        mock_response = mock.Mock(status=200)
        self.client.request = mock.Mock(
            return_value=(mock_response, {"data": "test"}))

        resp, body = self.client.get('/test')

        self.client.request.assert_called_once_with(
            False, self.api_url + '/test', 'GET')

    def test_request_with_json_body(self):
        with mock.patch(
                'manila.share.drivers.hpe.alletra_mp_b10000.'
                'rest_client.rest_client.requests.request') as mock_request:
            mock_request.return_value = mock.Mock(status_code=200, text='{}')

            self.client.request(
                True, 'http://test.com', 'POST', body={'test': 'data'})

            call_args = mock_request.call_args
            self.assertEqual(call_args[1]['data'], '{"test": "data"}')
