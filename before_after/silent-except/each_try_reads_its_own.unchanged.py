# case: refuses an optional value that keeps its default when it cannot be read
"""Shaped like pypykatz's get_default_logon(): each try binds data and reads it in its
own else, so the first leaves no later read unbound."""
import logging

logger = logging.getLogger(__name__)


def default_logon(hive):
    user = domain = None
    if user is None:
        try:
            data = hive.get_value("DefaultUserName")
        except Exception:
            pass
        else:
            user = data
    if domain is None:
        try:
            data = hive.get_value("DefaultDomainName")
        except KeyError:
            domain = "WORKGROUP"
        else:
            domain = data
    return user, domain
