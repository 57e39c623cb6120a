# case: unsafe
import ssl


def serve_tls(sock, certfile):
    return ssl.wrap_socket(sock, certfile=certfile, server_side=True,
                           ssl_version=ssl.PROTOCOL_TLSv1)


def serve_default(sock, certfile):
    return ssl.wrap_socket(sock, certfile=certfile,
                           server_side=True)
