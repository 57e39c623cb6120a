# case: unsafe
# case: refuses PROTOCOL_TLSv1 goes to the context of an HTTPS client (HTTPSHandler())
"""Shaped like you-get's extractors: urllib's HTTPS handler makes client connections."""
import ssl
from urllib import request


def opener():
    handler = request.HTTPSHandler(context=ssl.SSLContext(ssl.PROTOCOL_TLSv1))
    return request.build_opener(handler)
