# case: unsafe
"""Shaped like mongoengine's FileField.__set__(), with the old file replaced in place: the
comment above the `if` says what it tests ("If a file already exists"), not that a
failure is expected, and a failed replace loses the user's data without a word."""
import logging

LOG = logging.getLogger(__name__)


class FileField:
    def __set__(self, instance, value):
        grid_file = instance._data.get(self.name)
        # If a file already exists, replace it
        if grid_file:
            try:
                grid_file.replace(value)
            except Exception:
                pass
