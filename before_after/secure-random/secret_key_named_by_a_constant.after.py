# case: unsafe
# case: oldest-python 3.6
"""Shaped like Kallithea's kallithea/lib/webutils.py: the session's CSRF secret is stored
under a key a module constant names."""

import json
import logging
import re
import secrets

from tg import request, session


log = logging.getLogger(__name__)


session_csrf_secret_name = "_session_csrf_secret_token"

def session_csrf_secret_token():
    """Return (and create) the current session's CSRF protection token."""
    if not session_csrf_secret_name in session:
        session[session_csrf_secret_name] = str(secrets.randbits(128))
        session.save()
    return session[session_csrf_secret_name]


def json_body():
    log.debug("%s", re.escape(request.path))
    return json.loads(request.body)
