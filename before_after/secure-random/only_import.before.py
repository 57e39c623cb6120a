# case: unsafe
from random import choice


CHOICES = "0123456789abcdef"


def random_token(length: int = 32) -> str:
    token = "".join(choice(CHOICES) for _ in range(length))
    return token
