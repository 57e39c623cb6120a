# case: unsafe
# case: refuses code is converted in place: when that fails it keeps the value it had, and the statement after the try reads it as text, which either form gives
"""A code becomes an int where it can; the lookup right after takes either form through
str(), so no default belongs in the handler."""
import logging

LOG = logging.getLogger(__name__)


def find_country(code, countries):
    try:
        code = int(code)
    except Exception:
        pass
    return countries.get(str(code))
