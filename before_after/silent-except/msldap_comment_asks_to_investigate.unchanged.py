# case: unsafe
# case: refuses a fallback follows: the try returns when it works
"""Shaped like msldap's typeconversion (msldap/protocol/typeconversion.py:172): the handler's
comment says the exceptions "should be investigated", which excuses nothing; what makes the
swallow deliberate is the raw value returned after the try."""
import datetime
import logging
import re

logger = logging.getLogger(__name__)

TIME_FORMAT = re.compile(r"(?P<Year>\d{4})(?P<Month>\d{2})(?P<Day>\d{2})")


def single_date(x, encode=False):
    if encode is False:
        try:
            matches = TIME_FORMAT.match(x).groupdict()
            return datetime.datetime(
                int(matches["Year"]),
                int(matches["Month"]),
                int(matches["Day"]),
            )
        except Exception:  # exceptions should be investigated, anyway the formatter return the raw_value
            pass
        return x
    raise NotImplementedError()
