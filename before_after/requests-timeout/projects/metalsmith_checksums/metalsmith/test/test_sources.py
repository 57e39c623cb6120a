"""Shaped like metalsmith 2.5.0's test_sources.py: it tests the sources' options, and
asserts no HTTP call."""
import unittest

from metalsmith import sources


class TestDetect(unittest.TestCase):
    def test_checksum_url(self):
        source = sources.HttpWholeDiskImage("https://host/image", checksum_url="https://host/sums")
        self.assertEqual("https://host/sums", source.checksum_url)
