# case: unsafe
# case: ignores the functions say their values are no secrets (noted where a report asks)
import base64
import random


def generate_insecure_key():
    """Do NOT use this for cryptographic purposes!"""
    # community.docker's: a one-byte key that scrambles a diff for display.
    key = bytes([random.randint(0, 255)])
    return base64.b64encode(key)


def scramble_token():
    """A token for display only: not meant for security."""
    token = random.randint(0, 255)
    return token
