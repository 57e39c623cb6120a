# case: oldest-python 2.7
import socket


def send(address, message):
    # community.general's logentries_msg: its modules run on Python 2.7, whose
    # sockets are no context managers (3.2 made them one): try/finally.
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect(address)
    s.send(message)
    s.close()
