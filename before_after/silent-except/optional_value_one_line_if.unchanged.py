# case: unsafe
# case: refuses an optional value that keeps its default when it cannot be read
"""Shaped like deemix's getAccessToken(): the token, else None (the request's URL, which
a traceback would log, carries the user's credentials)."""
import logging

LOG = logging.getLogger(__name__)


def get_access_token(session, url):
    access_token = None
    try:
        response = session.get(url).json()
        access_token = response.get("access_token")
        if access_token == "undefined": access_token = None
    except Exception:
        pass
    return access_token
