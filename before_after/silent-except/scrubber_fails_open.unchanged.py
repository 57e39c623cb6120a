# case: unsafe
# case: refuses fails open: _sanitize_uri() is there to strip secrets
"""Shaped like feast's openlineage mappers: _sanitize_uri() gives the URI back, password
and all, when urlparse() or .port raises."""
import logging
import re
from urllib.parse import urlparse, urlunparse

logger = logging.getLogger(__name__)

_SCHEME_PATTERN = re.compile(r"^[a-zA-Z][a-zA-Z0-9+\-.]*://")


def _sanitize_uri(value: str) -> str:
    """Strip credentials from a URI or connection string.

    Returns the value unchanged when no credentials are detected.
    """
    if not value:
        return value
    if _SCHEME_PATTERN.match(value):
        try:
            parsed = urlparse(value)
            if parsed.username or parsed.password:
                clean = parsed._replace(
                    netloc=(parsed.hostname or "")
                    + (f":{parsed.port}" if parsed.port else "")
                )
                return urlunparse(clean)
        except Exception:
            pass
    return value
