# case: unsafe
# case: oldest-python 3.11
# case: refuses the default already negotiates TLS 1.2 or newer
"""Shaped like pyTelegramBotAPI's webhook example, which requires Python 3.11."""
import ssl


def serve_default(sock, certfile):
    return ssl.wrap_socket(sock, certfile=certfile, server_side=True)
