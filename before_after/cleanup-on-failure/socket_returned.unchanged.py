# case: ignores a returned socket closes itself when its last reference goes, so a handler closing it on failure would be churn
import logging
import socket

LOG = logging.getLogger(__name__)


def connect_to(address, timeout):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    sock.connect(address)
    return sock
