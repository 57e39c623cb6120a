# case: unsafe
# case: refuses a type test: float(value) is evaluated only to see whether it raises; narrowing the handler to (TypeError, ValueError) would say so
"""A try that holds only a conversion whose result is dropped: it tests the value (like
msldap's console), and the code after it goes on either way."""
import logging

LOG = logging.getLogger(__name__)


def check(value, seen):
    try:
        float(value)
    except Exception:
        pass
    seen.append(value)
