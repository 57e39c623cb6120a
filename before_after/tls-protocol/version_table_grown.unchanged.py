# case: unsafe
# case: refuses PROTOCOL_TLSv1 is one choice in a table of versions
# case: refuses PROTOCOL_SSLv3 is one choice in a table of versions
# case: refuses drop 'tls1' and 'ssl3' from the choices, or refuse them
# case: refuses PROTOCOL_TLSv1_1 is one choice in a table of versions
"""Shaped like imaplib2's ssl_wrap_socket: a table of versions beside TLS 1.2, then
copies of it that add older versions by update() and by key; then a table of tables."""
import ssl

TLS_SECURE = "tls_secure"
TLS_NO_SSL = "tls_no_ssl"
TLS_COMPAT = "tls_compat"


def ssl_wrap_socket(sock, host, tls_level, version):
    TLS_MAP = {}
    TLS_MAP[TLS_SECURE] = {
        "tls1_2": ssl.PROTOCOL_TLSv1_2,
    }
    TLS_MAP[TLS_NO_SSL] = TLS_MAP[TLS_SECURE].copy()
    TLS_MAP[TLS_NO_SSL].update({
        "tls1": ssl.PROTOCOL_TLSv1,
    })
    TLS_MAP[TLS_COMPAT] = TLS_MAP[TLS_NO_SSL].copy()
    if hasattr(ssl, "PROTOCOL_SSLv3"):
        TLS_MAP[TLS_COMPAT]["ssl3"] = ssl.PROTOCOL_SSLv3
    ctx = ssl.SSLContext(TLS_MAP[tls_level][version])
    return ctx.wrap_socket(sock, server_hostname=host)


def wrap(sock, host, level, version):
    table = {
        "secure": {
            "tls1_2": ssl.PROTOCOL_TLSv1_2,
        },
    }
    table["compat"] = dict(table['secure'])
    table["compat"].update({"tls1_1": ssl.PROTOCOL_TLSv1_1})
    ctx = ssl.SSLContext(table[level][version])
    return ctx.wrap_socket(sock, server_hostname=host)
