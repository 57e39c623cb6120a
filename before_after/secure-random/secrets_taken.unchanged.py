# case: unsafe
# case: refuses the name `secrets` means something else here
import random


def store(secrets):
    secrets['token'] = random.getrandbits(64)
