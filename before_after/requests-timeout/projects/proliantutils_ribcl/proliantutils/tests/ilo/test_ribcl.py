"""Shaped like proliantutils 2.16.3's tests/ilo/test_ribcl.py: the mock of requests.get is
named request_mock, and only the get of _request_host() is asserted."""
import unittest
from unittest import mock

import requests

from proliantutils.ilo import ribcl


class IloRibclTestCase(unittest.TestCase):
    def setUp(self):
        self.ilo = ribcl.RIBCLOperations("x.x.x.x", "admin", "Admin", 60, 443)

    @mock.patch.object(requests, 'get')
    def test__request_host_without_verify(self, request_mock):
        response_mock = mock.MagicMock(text='foo')
        request_mock.return_value = response_mock

        retval = self.ilo._request_host()

        request_mock.assert_called_once_with(
            "https://x.x.x.x/xmldata?item=all", verify=False)
        self.assertEqual('foo', retval)
