# case: unsafe
# case: ignores a value a comment calls fake (noted where a report asks)
"""Shaped like moto's payment cryptography: a mock service's key check value."""
import random


def _key_check_value():
    # return a fake but plausible key check value based on the algorithm
    kcv = "".join(random.choices("0123456789ABCDEF", k=6))
    return kcv
