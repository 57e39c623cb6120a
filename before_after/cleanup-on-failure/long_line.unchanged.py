# case: refuses would push a line past 79 columns
import socket


def open_channel(address):
    sock = socket.create_connection(address)
    sock.sendall(b'HELLO version=1 features=compression,keepalive,tls,au\r\n')
    return sock
