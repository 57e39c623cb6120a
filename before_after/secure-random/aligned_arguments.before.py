# case: unsafe
import random


def reset(user):
    user.token = random.randint(10 ** 12,
                                10 ** 13 - 1)
