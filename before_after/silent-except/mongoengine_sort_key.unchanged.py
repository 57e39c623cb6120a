# case: unsafe
# case: refuses key is converted in place and used as given when that fails: the raw value is the intended fallback
"""Shaped like mongoengine's QuerySet._get_order_by(): a key names a field where it can be
translated; where it cannot, it is sorted on as written."""
import logging

LOG = logging.getLogger(__name__)


class BaseQuerySet:
    def _get_order_by(self, keys):
        key_list = []
        for key in keys:
            if not key:
                continue
            direction = 1
            if key[0] == "-":
                direction = -1
            key = key.lstrip("+-").replace("__", ".")
            try:
                key = self._document._translate_field_name(key)
            except Exception:
                pass
            key_list.append((key, direction))
        return key_list
