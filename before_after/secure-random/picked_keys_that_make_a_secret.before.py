# case: unsafe
"""A key made of characters picked from an alphabet is key material, though it is a pick."""
import random
import string

ALPHABET = string.ascii_letters + string.digits


def make_api_key(length=32):
    keys = random.choices(ALPHABET, k=length)
    return "".join(keys)


def make_table_key(table):
    key = random.choice(ALPHABET)
    table[key] = key
