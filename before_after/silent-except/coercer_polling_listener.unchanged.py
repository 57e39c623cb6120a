# case: unsafe
# case: refuses a polling loop: accept() raises socket.timeout on every pass under settimeout(); narrow the handler to socket.timeout so that other failures surface
"""Shaped like coercer's Listener (coercer/network/Listener.py:58, :81): the same port is
listened on pass after pass until a deadline; accept() times out on every pass without a
hit, but a failed bind() is swallowed the same way."""
import logging
import socket
import time

LOG = logging.getLogger(__name__)


class Listener:
    def start_smb(self, control, port=445):
        stop_time = int(time.time()) + self.timeout
        while int(time.time()) < stop_time and control["result"] is None:
            try:
                s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                s.settimeout(1)
                s.bind((self.listen_ip, port))
                s.listen(5)
                conn, address = s.accept()
                data = conn.recv(2048)
                if b"SMB" in data:
                    control["result"] = "smb"
            except Exception as e:
                pass


def wait_for_hit(port, stop):
    while not stop():
        try:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.settimeout(1)
            s.bind(("0.0.0.0", port))
            s.listen(5)
            conn, address = s.accept()
            data = conn.recv(2048)
            if b"SMB" in data:
                return True
        except Exception as e:
            pass
    return False
