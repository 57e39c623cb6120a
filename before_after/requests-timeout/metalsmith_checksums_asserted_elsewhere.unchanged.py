# case: unsafe
# case: project metalsmith_checksums metalsmith/sources.py
# case: refuses the tests assert the exact arguments of its HTTP calls (metalsmith/test/test_provisioner.py, lines 17, 24)
"""Shaped like metalsmith 2.5.0's sources.py: the tests asserting the checksum download's
exact arguments are in test_provisioner.py, not test_sources.py, so the reason names them."""
import requests


class HttpWholeDiskImage:
    def __init__(self, url, checksum=None, checksum_url=None):
        self.url = url
        self.checksum = checksum
        self.checksum_url = checksum_url

    def _validate(self, connection, root_size_gb):
        if self.checksum:
            return
        try:
            response = requests.get(self.checksum_url)
            response.raise_for_status()
            checksums = response.text
        except requests.RequestException as exc:
            raise ValueError("Cannot download checksum file %s: %s" % (self.checksum_url, exc))
        self.checksum = checksums.split()[0]
