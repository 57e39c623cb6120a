# case: unsafe
"""A key made of characters picked from an alphabet is key material, though it is a pick."""
import secrets
import string

ALPHABET = string.ascii_letters + string.digits


def make_api_key(length=32):
    keys = secrets.SystemRandom().choices(ALPHABET, k=length)
    return "".join(keys)


def make_table_key(table):
    key = secrets.choice(ALPHABET)
    table[key] = key
