# case: unsafe
# case: oldest-python 3.9
# case: refuses `password` says this MD4 digest is for security (password), and the docstring of `_ntowfv1` cites [MS-NLMP]
# case: refuses the docstring of `get_sign_key` cites MS-NLMP
"""Shaped like ntlm-auth's compute_hash.py and compute_keys.py (1.5.0): NTLM's hashes.

No module docstring says the protocol; each function's docstring cites the spec it follows
([MS-NLMP], or MS-NLMP in the text), which fixes MD4 and MD5: the advice leads with it."""

import hashlib


def _ntowfv1(password):
    """
    [MS-NLMP] v28.0 2016-07-14

    3.3.1 NTLM v1 Authentication
    Same function as NTOWFv1 in document to create a one way hash of the
    password.
    """
    digest = hashlib.new('md4', password.encode('utf-16-le')).digest()
    return digest


def get_sign_key(exported_session_key, magic_constant):
    """
    3.4.5.2 SIGNKEY

    :param magic_constant: A constant value set in the MS-NLMP documentation
        (constants.SignSealConstants)
    :return sign_key: Key used to sign messages
    """
    sign_key = hashlib.md5(exported_session_key + magic_constant).digest()

    return sign_key
