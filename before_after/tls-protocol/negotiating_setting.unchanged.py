# case: unsafe
# case: refuses SSLv23_METHOD already negotiates the version
"""Shaped like scrapy's tls.py: the negotiating method as a setting's value."""
from OpenSSL import SSL

METHOD_TLS = "TLS"

openssl_methods = {
    METHOD_TLS: SSL.SSLv23_METHOD,  # protocol negotiation (recommended)
}
