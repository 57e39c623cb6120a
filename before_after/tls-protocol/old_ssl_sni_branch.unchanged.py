# case: unsafe
# case: refuses runs only where the ssl module lacks SNI
# case: refuses runs only where the ssl module lacks SSLContext or SNI
"""Shaped like imaplib2's ssl_wrap_socket and gsutil's boto_util: ssl.wrap_socket is the
fallback for an ssl module without SNI or without SSLContext."""
import ssl


def imap_wrap(sock, host, ssl_version):
    if getattr(ssl, 'HAS_SNI', False):
        ctx = ssl.SSLContext(ssl_version)
        return ctx.wrap_socket(sock, server_hostname=host)
    else:
        return ssl.wrap_socket(sock, ssl_version=ssl_version)


def connect(sock, host, ca_certs):
    if hasattr(ssl, 'SSLContext') and getattr(ssl, 'HAS_SNI', False):
        context = ssl.SSLContext(ssl.PROTOCOL_SSLv23)
        context.verify_mode = ssl.CERT_REQUIRED
        return context.wrap_socket(sock, server_hostname=host)
    else:
        return ssl.wrap_socket(sock,
                               cert_reqs=ssl.CERT_REQUIRED,
                               ca_certs=ca_certs)


def legacy(sock, host):
    if ssl.HAS_SNI:
        return ssl.create_default_context().wrap_socket(sock, server_hostname=host)
    else:
        return ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1)
