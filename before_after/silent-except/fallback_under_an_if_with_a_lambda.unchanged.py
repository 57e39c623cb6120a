# case: unsafe
# case: refuses a fallback follows: the try returns when it works
"""Shaped like redfish's RmcApp.validate_headers(): a cached response has no raw HTTP one."""
import logging

LOGGER = logging.getLogger(__name__)


def allowed(resp):
    try:
        keys = resp.http.headers.keys()
        if keys:
            allow = list(filter(lambda k: k.lower() == "allow", keys))
            return bool(allow)
    except Exception:
        pass
    return any(key.lower() == "allow" for key in resp.headers)
