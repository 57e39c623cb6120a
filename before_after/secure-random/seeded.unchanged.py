# case: unsafe
# case: refuses the module seeds random (line 6)
import random


random.seed(42)


def fake_password():
    return str(random.getrandbits(32))
