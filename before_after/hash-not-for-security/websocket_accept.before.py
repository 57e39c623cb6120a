# case: unsafe
"""Shaped like wsproto's utilities: RFC 6455's Sec-WebSocket-Accept value."""
import base64
import hashlib

ACCEPT_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def generate_accept_token(token):
    accept_token = token + ACCEPT_GUID
    accept_token = hashlib.sha1(accept_token).digest()
    return base64.b64encode(accept_token)
