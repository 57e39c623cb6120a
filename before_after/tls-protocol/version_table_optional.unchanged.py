# case: unsafe
# case: oldest-python 3.11
# case: refuses PROTOCOL_TLSv1 is one choice in a table of versions that offers TLS 1.2
# case: refuses drop 'tlsv1', 'sslv2', 'sslv3' and 'tlsv1_1' from the choices ('sslv23', PROTOCOL_SSLv23, negotiates TLS 1.2 or newer), or refuse them where
"""Shaped like oslo.service's sslutils: the [ssl] version setting picks a version by name
from a module-level table that a loop grows by key from the ssl module's optional versions
(PROTOCOL_TLSv1_1 is still there on Python 3.13)."""
import ssl

config_section = 'ssl'

_SSL_PROTOCOLS = {
    "tlsv1": ssl.PROTOCOL_TLSv1,
    "sslv23": ssl.PROTOCOL_SSLv23
}

_OPTIONAL_PROTOCOLS = {
    'sslv2': 'PROTOCOL_SSLv2',
    'sslv3': 'PROTOCOL_SSLv3',
    'tlsv1_1': 'PROTOCOL_TLSv1_1',
    'tlsv1_2': 'PROTOCOL_TLSv1_2',
}
for protocol in _OPTIONAL_PROTOCOLS:
    try:
        _SSL_PROTOCOLS[protocol] = getattr(ssl,
                                           _OPTIONAL_PROTOCOLS[protocol])
    except AttributeError:  # nosec
        pass


def validate_ssl_version(version):
    key = version.lower()
    try:
        return _SSL_PROTOCOLS[key]
    except KeyError:
        raise RuntimeError("Invalid SSL version : %s" % version)
