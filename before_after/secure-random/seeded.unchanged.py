# case: unsafe
# case: refuses the module seeds random with a fixed or configured value (line 6)
import random


random.seed(42)


def fake_password():
    return str(random.getrandbits(32))
