# case: ignores modern versions are not the codemod's business
import ssl

from OpenSSL import SSL


def make_contexts(sock):
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    client = ssl.create_default_context()
    return server, client, SSL.Context(SSL.TLS_METHOD)
