# case: unsafe
# case: ignores the draw is one part of what the function returns; its name says what the whole is
"""Shaped like scapy's CoAP socket: a message id and a token, returned together."""
import random


def generate_msgId_token():
    return random.randint(0, 0xffff), b'token'
