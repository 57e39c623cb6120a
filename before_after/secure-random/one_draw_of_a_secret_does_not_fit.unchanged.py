# case: unsafe
# case: refuses `password` is also drawn at line
"""Shaped like pacu's IAM backdoor: a password from six draws, one too long to rewrite."""
import string
from random import choice


def make_password():
    symbols = '!@#$%^&*()_+=-'
    password = ''.join(choice(string.ascii_lowercase) for _ in range(3))
    password += ''.join(choice(symbols) for _ in range(3))
    password += ''.join(choice(string.ascii_uppercase + string.digits) for _ in range(3))
    return password
