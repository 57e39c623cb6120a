# case: refuses a fallback follows: the try returns when it works
"""Shaped like bokeh's convert_datetime_array(): "it will be returned as-is"."""
import logging

log = logging.getLogger(__name__)


def convert_datetime_array(array, kind):
    if kind == "M":
        return convert(array)
    elif kind == "O" and len(array) > 0:
        try:
            return convert(array)
        except Exception:
            pass

    return array


def convert(array):
    return array.astype("datetime64[us]")
