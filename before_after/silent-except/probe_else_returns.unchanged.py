# case: unsafe
# case: refuses a probe: the try returns its answer when it works, and the function gives None
"""Shaped like otcextensions' _extract_message() (otcextensions/common/exc.py:239): a string
field of an error body may be JSON encoded once more; most are not, and json.loads() fails
for them routinely (every plain field of every error response)."""
import json
import logging

LOG = logging.getLogger(__name__)


def _extract_message(obj):
    if isinstance(obj, dict):
        if obj.get('message'):
            return obj['message']
        for value in obj.values():
            message = _extract_message(value)
            if message:
                return message
    elif isinstance(obj, str):
        # Ironic before Stein has double JSON encoding, nobody remembers why.
        try:
            obj = json.loads(obj)
        except Exception:
            pass
        else:
            return _extract_message(obj)
