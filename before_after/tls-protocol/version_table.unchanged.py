# case: unsafe
# case: refuses is one choice in a table of versions that offers TLS 1.2 beside it
"""Shaped like flexget's MQTT notifier: the user picks the version by name."""
import ssl


def tls_version(certs):
    versions = {
        "tlsv1.2": ssl.PROTOCOL_TLSv1_2,
        "tlsv1.1": ssl.PROTOCOL_TLSv1_1,
        "tlsv1": ssl.PROTOCOL_TLSv1,
        "": None,
    }
    return versions.get(certs.get("tls_version"), ssl.PROTOCOL_TLSv1_2)
