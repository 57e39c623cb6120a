# case: unsafe
# case: ignores the function says its token only keeps sessions apart (noted where a report asks)
"""Shaped like nicotine-plus's pynicotine/slskmessages.py: a token that starts a counter."""
from random import randint

UINT32_LIMIT = 4294967295


def initial_token():
    """Return a random token in a large enough range to effectively prevent
    conflicting tokens between sessions."""
    return randint(0, UINT32_LIMIT // 1000)


def increment_token(token):
    """Increment a token used by file search, transfer and connection
    requests."""

    if token < 0 or token >= UINT32_LIMIT:
        # Protocol messages use unsigned integers for tokens
        token = 0

    token += 1
    return token


class Search:
    def __init__(self):
        self.token = initial_token()

    def do_search(self, send):
        self.token = increment_token(self.token)
        send(self.token)
