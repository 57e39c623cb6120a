# case: refuses the fallback where the ssl module lacks SSLContext
"""Shaped like pywbem's listener: SSLContext first, ssl.wrap_socket() where there is none."""
import ssl


def secure(server, certfile, keyfile):
    try:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS)
        ctx.load_cert_chain(certfile=certfile, keyfile=keyfile)
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    except AttributeError:
        # Fall back to deprecated ssl.wrap_socket() before Py 2.7.9
        server.socket = ssl.wrap_socket(
            server.socket, certfile=certfile, keyfile=keyfile, server_side=True
        )
