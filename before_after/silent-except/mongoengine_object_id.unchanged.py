# case: unsafe
# case: refuses value is converted in place and used as given when that fails: the raw value is the intended fallback
"""Shaped like mongoengine's ObjectIdField.to_python(): a value becomes an ObjectId where
it can; where it cannot, the raw value is returned, and validate() rejects it. A default
(value = None) in the handler would drop bad input without a word."""
import logging

from bson import ObjectId

LOG = logging.getLogger(__name__)


class ObjectIdField:
    def to_python(self, value):
        try:
            if not isinstance(value, ObjectId):
                value = ObjectId(value)
        except Exception:
            pass
        return value


class StringField:
    def to_python(self, value):
        if isinstance(value, str):
            return value
        try:
            value = value.decode("utf-8")
        except Exception:
            pass
        return value
