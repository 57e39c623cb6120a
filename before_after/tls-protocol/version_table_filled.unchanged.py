# case: unsafe
# case: refuses PROTOCOL_TLSv1 is one choice in a table of versions that offers TLS 1.2
# case: refuses drop 'tlsv1', 'sslv3' and 'tlsv1_1' from the choices, or refuse them
"""Shaped like oslo.messaging's rabbit driver without its PROTOCOL_SSLv23: the table
offers TLS 1.2 only through a loop that fills it from the ssl module's optional versions."""
import ssl


class RabbitDriver:
    _SSL_PROTOCOLS = {
        "tlsv1": ssl.PROTOCOL_TLSv1,
    }

    _OPTIONAL_PROTOCOLS = {
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
