# case: refuses self.tempdir is released by another method of the class
# case: refuses self.sock is released by another method of the class
"""Shaped like pssh's PasswordServer.start(): __del__() closes the socket, removes its file
and then the temporary directory with os.rmdir(), both made in start()."""
import os
import socket
import tempfile


class PasswordServer(object):
    def __init__(self):
        self.sock = None
        self.tempdir = None
        self.address = None

    def start(self, iomap, backlog):
        self.tempdir = tempfile.mkdtemp(prefix="pssh.")
        self.address = os.path.join(self.tempdir, "pssh_askpass_socket")
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.bind(self.address)
        self.sock.listen(backlog)
        iomap.register_read(self.sock.fileno(), self.handle_listen)

    def handle_listen(self, fd, iomap):
        conn = self.sock.accept()[0]
        iomap.register_write(conn.fileno(), self.handle_write)

    def __del__(self):
        if self.sock:
            self.sock.close()
            self.sock = None
        if self.address:
            os.remove(self.address)
        if self.tempdir:
            os.rmdir(self.tempdir)
