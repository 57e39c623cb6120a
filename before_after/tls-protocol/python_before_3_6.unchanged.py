# case: unsafe
# case: oldest-python 3.5
# case: refuses whose ssl module has no PROTOCOL_TLS_SERVER (it came in 3.6)
"""Shaped like Trac's standalone server, which declares python_requires >= 3.5."""
import ssl


def secure(httpd, certfile, keyfile):
    httpd.socket = ssl.wrap_socket(httpd.socket, server_side=True, certfile=certfile)
    return httpd
