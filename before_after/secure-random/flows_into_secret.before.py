# case: unsafe
"""Tempest's rand_password: every character drawn for the password is a secret."""
import random
import string


def rand_password(length=15):
    upper = random.choice(string.ascii_uppercase)
    punc = random.choice('~!@#%^&*_=+')
    pre = upper + punc
    password = pre + ''.join(random.choice(string.ascii_letters)
                             for _ in range(length - 2))
    return password


def new_user(make):
    # password_length measures a secret and is none.
    size = random.randint(12, 16)
    return make(password_length=size)
