# case: unsafe
# case: refuses PROTOCOL_TLSv1_1 goes where the codemod cannot tell a client from a server
import ssl


def make_context():
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)
