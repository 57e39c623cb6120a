# case: unsafe
"""Shaped like a module that still imports six: ``random`` comes after it, under a pylint
directive that governs the rest of the module; ``secrets`` joins the standard library
and the directive stays."""
import os
import secrets
import sys

import six
# pylint: disable=wrong-import-order

LOG_PREFIX = "session"


def session_token(length=32):
    token = "".join(secrets.choice("0123456789abcdef") for _ in range(length))
    return six.text_type(token), os.sep, sys.platform
