# case: unsafe
"""Shaped like testcloud's helpers: random imported in the function that draws."""
import os


def _generate_password():
    import random
    import string

    return "".join(random.choices(string.ascii_letters, k=16))


def _pick_host_and_token(hosts):
    import random
    import re

    host = random.choice([h for h in hosts if re.match(r"\w+$", h)])
    token = "%032x" % random.getrandbits(128)
    return host, token


def home():
    return os.environ["HOME"]
