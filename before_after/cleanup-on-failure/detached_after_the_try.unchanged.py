# case: refuses already releases it
"""Shaped like python-ldap's _open_conn_fd(): the try closes the socket if the hand-off
fails; after it, the socket is detached, and the connection owns the descriptor."""
import socket

import _ldap


def open_conn(host, port, uri):
    sock = socket.create_connection((host, port))
    try:
        conn = _ldap.initialize_fd(sock.fileno(), uri)
    except Exception:
        sock.close()
        raise
    sock.detach()
    conn.simple_bind_s("", "")
    return conn
