# case: unsafe
# case: refuses PROTOCOL_TLSv1 goes to a client socket (ssl.wrap_socket at line 17
# case: refuses PROTOCOL_SSLv3 goes to a client socket (ssl.wrap_socket at line 17
# case: refuses sslversion comes from a parameter (PROTOCOL_SSLv3, PROTOCOL_TLSv1): a client socket
"""Shaped like proliantutils' firmware upload (ilo/firmware_controller.py): the version is a
parameter's default, and the SSLv3 retry passes another; wrap_socket has no server_side."""
import socket
import ssl


class Uploader(object):
    def _get_socket(self, sslversion=ssl.PROTOCOL_TLSv1):
        sock = socket.create_connection((self.hostname, self.port))

        # wrapping the socket over ssl session
        try:
            return ssl.wrap_socket(sock, ssl_version=sslversion)
        except ssl.SSLError as error:
            if 'wrong version number' in str(error) and (
                    sslversion == ssl.PROTOCOL_TLSv1):
                return self._get_socket(ssl.PROTOCOL_SSLv3)
            raise
