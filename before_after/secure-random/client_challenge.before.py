# case: unsafe
"""Shaped like pysmb's NTLMv1 response: the client challenge is a login's nonce."""
import random


def client_challenge():
    client_challenge = bytes([random.getrandbits(8) for _ in range(8)])
    return client_challenge
