# case: unsafe
import secrets


def reset(user):
    user.token = secrets.SystemRandom().randint(10 ** 12,
                                                10 ** 13 - 1)
