# case: unsafe
import secrets


CHOICES = "0123456789abcdef"


def random_token(length: int = 32) -> str:
    token = "".join(secrets.choice(CHOICES) for _ in range(length))
    return token
