# case: refuses already releases it
"""Shaped like Weblate's start_connection(): the try closes the socket when its steps fail,
and the check after it closes it before it raises."""
import errno
import os
import socket


def start_connection(family, endpoint):
    connection = socket.socket(family, socket.SOCK_STREAM)
    try:
        connection.setblocking(False)
        error = connection.connect_ex(endpoint)
    except OSError:
        connection.close()
        raise
    if error not in {0, errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EINTR}:
        connection.close()
        raise OSError(error, os.strerror(error))
    return connection
