# case: unsafe
# case: refuses the module seeds random with a fixed or configured value (line 9)
"""A seed read from a setting (or computed from one beside the clock) replays the
sequence when it is set: advice only."""
import os
import random
import time

random.seed(int(os.environ.get("SEED", 0)) or time.time())


def make_token():
    token = random.randrange(0, 0xFFFFFFFF)
    return token
