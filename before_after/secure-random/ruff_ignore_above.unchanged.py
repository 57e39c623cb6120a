# case: unsafe
# case: ignores marked for its scanner on the line above (noted where a report asks)
"""Weblate's machinery: ruff's suppression comment on its own line keeps the draw below."""
import random


def signed_salt(secret):
    # ruff: ignore[suspicious-non-cryptographic-random-usage]
    salt = str(random.randint(0, 10000000000))
    return secret + salt
