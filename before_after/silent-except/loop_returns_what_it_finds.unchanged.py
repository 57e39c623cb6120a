# case: refuses a fallback follows: the try returns when it works
"""Shaped like py-cpuinfo's _friendly_bytes_to_int(): the input back when it cannot parse."""
import logging

logger = logging.getLogger(__name__)

UNITS = [{"gb": 1024 ** 3}, {"mb": 1024 ** 2}, {"kb": 1024}, {"b": 1}]


def friendly_bytes_to_int(friendly_bytes):
    text = friendly_bytes.lower()
    try:
        for entry in UNITS:
            pattern, multiplier = next(iter(entry.items()))
            if text.endswith(pattern):
                return int(text.split(pattern)[0].strip()) * multiplier
    except Exception:
        pass
    return friendly_bytes
