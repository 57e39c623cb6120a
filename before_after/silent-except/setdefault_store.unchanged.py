# case: refuses an optional value that keeps its default when it cannot be read
"""Shaped like sentry-sdk's Django _set_user_info(): a custom user may lack a field."""
import logging

logger = logging.getLogger(__name__)


def set_user_info(user, user_info):
    try:
        user_info.setdefault("email", user.email)
    except Exception:
        pass
    return user_info
