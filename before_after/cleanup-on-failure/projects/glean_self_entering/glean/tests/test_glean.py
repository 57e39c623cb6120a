"""Shaped like glean 1.25.1's glean/tests/test_glean.py: open() is patched with a plain
mock whose side_effect hands out handles that return themselves from __enter__()."""
from unittest import mock

from glean import cmd


class TestGlean:
    def open_side_effect(self, path, *args, **kwargs):
        mock_handle = mock.MagicMock()
        mock_handle.__enter__ = mock.Mock()
        mock_handle.__exit__ = mock.Mock()
        mock_handle.name = path
        # a trick to handle open used as a context manager
        mock_handle.__enter__.return_value = mock_handle
        return mock_handle

    @mock.patch('glean.cmd.open', new_callable=mock.Mock)
    def test_write(self, mock_open):
        mock_open.side_effect = self.open_side_effect
        cmd.write_hostname('/etc/hostname', 'node')
