# case: unsafe
"""Shaped like snmpsim's redis variation module: random.seed() with no value reseeds from
the operating system's entropy, so nothing here is meant to be replayed."""
import os
import random
import secrets
import time

random.seed()
random.seed(None)
random.seed(os.urandom(16))
random.seed(int(time.time()))


def make_token():
    token = secrets.SystemRandom().randrange(0, 0xFFFFFFFF)
    return token
