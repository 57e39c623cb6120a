# case: refuses cannot log a failing cleanup
import socket

logging = None


def connect_to(address):
    sock = socket.create_connection(address)
    sock.sendall(b'hello')
    return sock
