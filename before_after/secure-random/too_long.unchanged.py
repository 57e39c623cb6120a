# case: unsafe
# case: refuses would not fit in 79 columns
import random


def reset(user):
    user.password_reset_token = random.randint(10 ** 12, 10 ** 13 - 1)
