# case: unsafe
# case: refuses which cert_reqs=CERT_NONE turns off here
"""Shaped like pyload's IRC addon: IRC servers with self-signed certificates."""
import ssl


def secure(sock):
    return ssl.wrap_socket(sock, cert_reqs=ssl.CERT_NONE)
