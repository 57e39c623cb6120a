# case: unsafe
"""The last use of random goes: so does its import."""

import os
import random


def new_api_key():
    return '%032x' % random.getrandbits(128)


def home():
    return os.environ['HOME']
