# case: unsafe
from OpenSSL import SSL


def make_context():
    return SSL.Context(SSL.TLSv1_2_METHOD)


def legacy_context():
    return SSL.Context(method=SSL.TLSv1_2_METHOD)
