# case: unsafe
# case: refuses best-effort cleanup
"""Shaped like mongoengine's FileField.__set__(): the comment above the `if` says what it
tests ("If a file already exists"), not that a failure is expected; deleting the old file
is a best-effort cleanup before the new one is stored."""
import logging

LOG = logging.getLogger(__name__)


class FileField:
    def __set__(self, instance, value):
        key = self.name
        if isinstance(value, (bytes, str)):
            grid_file = instance._data.get(self.name)
            # If a file already exists, delete it
            if grid_file:
                try:
                    grid_file.delete()
                except Exception:
                    pass

            instance._data[key] = self.get_proxy_obj(key=key, instance=instance)
            instance._data[key].put(value)
        else:
            instance._data[key] = value
