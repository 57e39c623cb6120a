# case: unsafe
# case: oldest-python 2.7
# case: refuses the project supports Python 2.7, which has no secrets module
"""A project that still runs on Python 2.7: there is no secrets module to import."""

import random


def new_api_key():
    return '%032x' % random.getrandbits(128)
