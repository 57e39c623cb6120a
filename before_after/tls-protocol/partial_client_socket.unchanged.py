# case: unsafe
# case: refuses a client socket: ssl.wrap_socket cannot take PROTOCOL_TLS_CLIENT
"""Shaped like pykafka's legacy wrapper: a partial of ssl.wrap_socket, no server_side."""
import ssl
from functools import partial


def legacy_wrap_socket(cafile):
    return partial(ssl.wrap_socket, cert_reqs=ssl.CERT_REQUIRED,
                   ssl_version=ssl.PROTOCOL_TLSv1, ca_certs=cafile)
