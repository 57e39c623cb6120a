# case: unsafe
# case: oldest-python 3.9
# case: refuses `authen_type == TAC_PLUS_AUTHEN_TYPE_CHAP` picks it
# case: refuses `service_method == TAC_PLUS_METHOD_CHAP` picks it
"""Shaped like tacacs_plus's client.py (2.6): a TACACS+ CHAP authentication start.

CHAP is MD5 by definition (RFC 1994, RFC 8907): `authen_type` (authen: authentication)
compared with a constant picks the method, and a name ending in `method` compared with
one does too. "Use SHA-256 (scrypt)" cannot answer a CHAP challenge."""

from hashlib import md5

import six

TAC_PLUS_AUTHEN_TYPE_CHAP = 3
TAC_PLUS_METHOD_CHAP = 3


class TACACSClient(object):
    def authenticate(self, username, password, authen_type, chap_ppp_id, chap_challenge):
        start_data = six.b('')
        if authen_type == TAC_PLUS_AUTHEN_TYPE_CHAP:
            if len(chap_ppp_id) != 1:
                raise ValueError('chap_ppp_id must be a 1-byte string')
            start_data = (
                six.b(chap_ppp_id) +
                six.b(chap_challenge) +
                md5(six.b(
                    chap_ppp_id + password + chap_challenge
                )).digest()
            )
        return start_data

    def respond(self, service_method, ppp_id, password, challenge):
        if service_method == TAC_PLUS_METHOD_CHAP:
            return md5(ppp_id + password + challenge).digest()
