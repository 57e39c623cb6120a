# case: unsafe
from OpenSSL import SSL


def make_context():
    return SSL.Context(SSL.TLSv1_METHOD)


def legacy_context():
    return SSL.Context(method=SSL.SSLv3_METHOD)
