"""Shaped like glean 1.25.1's glean/tests/test_glean.py: open() is patched with a plain
mock, and cmd.py already uses it in with statements under the same tests."""
from unittest import mock

from glean import cmd


class TestGlean:
    @mock.patch('glean.cmd.open', new_callable=mock.Mock)
    def test_write(self, mock_open):
        cmd.write_hostname('/etc/hostname', 'node')
