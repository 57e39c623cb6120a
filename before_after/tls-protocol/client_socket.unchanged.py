# case: unsafe
# case: refuses a client socket: ssl.wrap_socket cannot take PROTOCOL_TLS_CLIENT
import ssl


def connect(sock):
    return ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1)
