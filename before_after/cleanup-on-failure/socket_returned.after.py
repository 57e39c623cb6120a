import logging
import socket

LOG = logging.getLogger(__name__)


def connect_to(address, timeout):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect(address)
    except BaseException:
        try:
            sock.close()
        except Exception:
            LOG.exception('Cleanup after a failed connect_to() failed')
        raise
    return sock
