# case: unsafe
# case: refuses runs only where the ssl module lacks SSLContext
"""Shaped like ryu's controller: TLSv1 is chosen only for a Python before 2.7.9."""
import ssl


def server_ssl_args():
    if not hasattr(ssl, 'SSLContext'):
        # anything less than python 2.7.9 supports only TLSv1
        ssl_args = {'ssl_version': ssl.PROTOCOL_TLSv1}
    else:
        ssl_args = {'ssl_ctx': ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)}
    return ssl_args
