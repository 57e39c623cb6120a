# case: unsafe
# case: oldest-python 3.4
# case: refuses but the project supports Python 3.4, where `choice` is random.choice (line 12)
# case: refuses there, use random.SystemRandom().choice instead
"""Shaped like lorax 0.94.86's config_file.py, in a project on Python 3.4: before 3.6 the
fallback draws the password from random."""
import string
import sys
if sys.version_info >= (3, 6, 0, 'final', 0):  # pragma: no cover
    from secrets import choice
else:
    from random import choice

DEFAULT_PASSWORD_LENGTH = 12


def generate_random_password(length=DEFAULT_PASSWORD_LENGTH):
    """Generate a password from an alphabet"""
    alphabet = string.ascii_lowercase + string.digits
    nchars = 0
    secret_key = ''
    while nchars < length:
        secret_key += choice(alphabet)  # noqa
        nchars += 1
    return secret_key
