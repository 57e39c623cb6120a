# case: unsafe
"""The last use of random goes: so does its import."""

import os
import secrets


def new_api_key():
    return '%032x' % secrets.randbits(128)


def home():
    return os.environ['HOME']
