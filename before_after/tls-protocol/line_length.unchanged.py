# case: unsafe
# case: refuses ssl.PROTOCOL_TLS_SERVER would shift an aligned continuation line
# case: refuses ssl.PROTOCOL_TLS_SERVER would run past 79 columns
# case: refuses SSL.TLSv1_2_METHOD would run past 79 columns
import ssl

from OpenSSL import SSL


def serve(sock, certfile, handlers):
    # ssl_version would push the bracket that the next line is aligned under.
    ssl.wrap_socket(sock, certfile=certfile, server_side=True).handle(handlers,
                                                                      None)


def serve_old(sock, certfile_for_the_server_with_a_long_name_here):
    # PROTOCOL_TLS_SERVER is five characters longer than PROTOCOL_TLSv1.
    return ssl.wrap_socket(sock, certfile_for_the_server_with_a_long_name_here,
                           server_side=True, ssl_version=ssl.PROTOCOL_TLSv1)


def make_context():
    # TLSv1_2_METHOD is two characters longer than TLSv1_METHOD.
    context = SSL.Context(SSL.TLSv1_METHOD)  # the old peers speak TLS 1.0 only
    return context
