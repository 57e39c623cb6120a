# case: unsafe
# case: refuses server_side and ssl_version come in unpacked arguments
"""Shaped like ryu's StreamServer: the arguments say it is a server, through **ssl_args."""
import ssl


def wrap_and_handle(sock, addr, handle, ssl_args):
    ssl_args.setdefault('server_side', True)
    handle(ssl.wrap_socket(sock, **ssl_args), addr)
