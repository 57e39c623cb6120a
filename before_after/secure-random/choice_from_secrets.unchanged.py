# case: unsafe
# case: oldest-python 3.8
# case: ignores `choice` is secrets.choice on every Python the project supports: already fixed
"""Shaped like lorax 0.94.86's config_file.py: secrets' choice from 3.6 on, random's before."""
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
