# case: refuses turns off certificate checks for every HTTPS connection urllib makes
"""The same switch written through imported names, inside a function."""
from ssl import _create_unverified_context
import ssl as _ssl


def allow_self_signed():
    _ssl._create_default_https_context = _create_unverified_context
