# case: unsafe
"""Shaped like pysmb's NTLMv1 response: the client challenge is a login's nonce."""
import secrets


def client_challenge():
    client_challenge = bytes([secrets.randbits(8) for _ in range(8)])
    return client_challenge
