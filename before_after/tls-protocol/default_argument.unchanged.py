# case: unsafe
# case: refuses SSLv2_METHOD goes where the codemod cannot tell a client from a server
from OpenSSL import SSL


def open_ssl_socket(version=SSL.SSLv2_METHOD):
    return SSL.Context(version)
