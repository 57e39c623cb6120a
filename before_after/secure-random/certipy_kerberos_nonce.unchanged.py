"""certipy-ad 4.8.2's certipy/lib/pkinit.py: the AS-REQ's nonce, sent in the clear, must
be unpredictable, not secret; a token stays a secret."""
# case: refuses `nonce` names a value that must be unpredictable (nonce)
# case: refuses `token` names a secret (token)
from random import getrandbits


def build_as_req(kdc_req_body_data, authenticator):
    kdc_req_body_data['nonce'] = getrandbits(31)
    authenticator['token'] = getrandbits(31)
    return kdc_req_body_data, authenticator
