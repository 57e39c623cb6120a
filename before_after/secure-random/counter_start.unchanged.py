# case: unsafe
# case: ignores a token that only starts a counter is no secret (noted where a report asks)
"""Shaped like nicotine-plus's token counters, and aiocoap's `_token` that seeds one."""
import random


def _initial_token():
    return random.randint(0, 4294967)


def increment_token(token):
    return token + 1


class Transfers:
    def __init__(self):
        self._requested_folder_token = _initial_token()

    def request_folder(self, send):
        self._requested_folder_token = increment_token(self._requested_folder_token)
        send(self._requested_folder_token)


class Requester:
    def __init__(self):
        self._token = random.randint(0, 65535)

    def next_token(self):
        self._token = (self._token + 1) % 65536
        return self._token.to_bytes(2, "big")


def tokens(count):
    token = random.randint(0, 255)
    for _ in range(count):
        token += 1
        yield token
