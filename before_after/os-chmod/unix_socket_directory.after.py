# case: unsafe
# case: refuses the function makes a Unix socket
"""Shaped like os-ken's ZServer.start(): the socket's directory is made world-writable too,
where clients need only search access, and any user could replace the socket."""
import os
import socket


def start(path):
    d = os.path.dirname(path)
    if not os.path.isdir(d):
        os.mkdir(d)
        os.chmod(d, 0o755)
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(path)
    os.chmod(path, 0o777)


def start_in(path):
    if not os.path.isdir(os.path.dirname(path)):
        os.makedirs(os.path.dirname(path))
        os.chmod(os.path.dirname(path), 0o755)
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(path)


def start_under(run_dir, path):
    os.makedirs(run_dir)
    os.chmod(run_dir, 0o755)
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(path)
