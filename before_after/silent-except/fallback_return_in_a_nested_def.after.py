# case: unsafe
"""The if at the try's end returns only in a function it defines: the try
itself runs on to the code after it when it works, so that is no other way."""
import logging

LOGGER = logging.getLogger(__name__)


def add_allow_check(resp, checks):
    try:
        keys = resp.http.headers.keys()
        if keys:

            def check(key):
                return key.lower() == "allow"

            checks.append(check)
    except Exception:
        LOGGER.debug("Ignoring exception in add_allow_check()", exc_info=True)
    return any(check(key) for check in checks for key in resp.headers)
