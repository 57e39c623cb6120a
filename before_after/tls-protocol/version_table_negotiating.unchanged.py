# case: unsafe
# case: refuses PROTOCOL_TLSv1 is one choice in a table of versions that offers TLS 1.2
# case: refuses drop 'tlsv1', 'sslv2', 'sslv3' and 'tlsv1_1' from the choices ('sslv23', PROTOCOL_SSLv23, negotiates
"""Shaped like oslo.messaging's rabbit driver: the ssl_version setting picks a version by
name from a table that offers PROTOCOL_SSLv23, then the ssl module's optional versions."""
import ssl


class RabbitDriver:
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
        except AttributeError:
            pass

    @classmethod
    def validate_ssl_version(cls, version):
        return cls._SSL_PROTOCOLS[version.lower()]
