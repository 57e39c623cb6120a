"""Shaped like oslo.vmware 4.x's oslo_vmware/tests/test_service.py, less the import of
the HTTP library its other tests make: the test replaces the transport's session.get by
assignment and asserts its exact arguments."""

import unittest
from unittest import mock

from oslo_vmware import service


class RequestsTransportTest(unittest.TestCase):
    def test_open(self):
        transport = service.RequestsTransport()
        transport.session.get = mock.Mock(return_value=mock.Mock(content=b"x"))
        request = mock.Mock(url=mock.sentinel.url)
        transport.open(request)
        transport.session.get.assert_called_once_with(mock.sentinel.url,
                                                      verify=transport.verify)
