# case: refuses but start_server() raises itself after making it
"""breezy's SmartTCPServer: a failed bind() raises CannotBindAddress, and nothing serves or
stops the object then, so serve()'s finally never closes the socket."""
import socket


class SmartTCPServer:
    def start_server(self, address):
        self._server_socket = socket.socket()
        try:
            self._server_socket.bind(address)
        except OSError as message:
            raise CannotBindAddress(address, message) from message
        self._server_socket.listen(1)

    def serve(self):
        try:
            self._serve_forever()
        finally:
            self._server_socket.close()
