# case: unsafe
# case: refuses drop 'tlsv1' and 'tlsv1_1' from the choices ('sslv23', PROTOCOL_SSLv23, negotiates TLS 1.2 or newer), or refuse them where
"""A table of versions that offers a negotiating version, grown by key and by update() with
older ones: the advice names each old key and the negotiating choice beside them."""
import ssl

PROTOCOLS = {"sslv23": ssl.PROTOCOL_SSLv23}
PROTOCOLS["tlsv1"] = ssl.PROTOCOL_TLSv1
PROTOCOLS.update({"tlsv1_1": ssl.PROTOCOL_TLSv1_1})


def wrap(sock, host, version):
    context = ssl.SSLContext(PROTOCOLS[version])
    return context.wrap_socket(sock, server_hostname=host)
