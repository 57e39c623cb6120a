# case: unsafe
# case: refuses SSLv23_METHOD already negotiates the version
from OpenSSL import SSL


def make_context():
    return SSL.Context(SSL.SSLv23_METHOD)
