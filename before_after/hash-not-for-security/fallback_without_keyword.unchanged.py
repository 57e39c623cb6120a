# case: unsafe
# case: ignores the fallback of the try above it, which passes usedforsecurity=False where hashlib takes it (noted where a report asks)
"""Shaped like suds' reader.py: FIPS needs the keyword; Pythons before 3.9 refuse it."""
from hashlib import md5


def mangle(name):
    try:
        digest = md5(name.encode(), usedforsecurity=False).hexdigest()
    except (AttributeError, TypeError):
        digest = md5(name.encode()).hexdigest()
    return digest
