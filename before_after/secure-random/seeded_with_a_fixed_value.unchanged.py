# case: unsafe
# case: refuses the module seeds random with a fixed or configured value (line 10)
"""Shaped like snmpsim's redis variation module, seeded with a value that replays the
sequence: the token may be meant to come out the same on every run."""
import random

random.seed()


random.seed(42)


def make_token():
    token = random.randrange(0, 0xFFFFFFFF)
    return token
