"""Shaped like metalsmith 2.5.0's test_provisioner.py: the provisioner's tests assert the
exact arguments of the checksum download in sources.py."""
import unittest
from unittest import mock

import requests

from metalsmith import sources


class TestProvisionNode(unittest.TestCase):
    @mock.patch.object(requests, "get", autospec=True)
    def test_with_http_and_checksum_url(self, mock_get):
        mock_get.return_value.text = "abcd  image\n"
        source = sources.HttpWholeDiskImage("https://host/image", checksum_url="https://host/checksums")
        source._validate(None, None)
        mock_get.assert_called_once_with("https://host/checksums")

    @mock.patch.object(requests, "get", autospec=True)
    def test_with_http_and_checksum_url_failure(self, mock_get):
        mock_get.side_effect = requests.ConnectionError
        source = sources.HttpWholeDiskImage("https://host/image", checksum_url="https://host/checksums")
        self.assertRaises(Exception, source._validate, None, None)
        mock_get.assert_called_once_with("https://host/checksums")
