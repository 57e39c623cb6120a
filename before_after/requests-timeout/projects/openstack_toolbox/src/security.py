"""
Chiffrement des données sensibles de openstack-toolbox: protects sensitive data
like SMTP passwords using the cryptography library with Fernet symmetric encryption.
"""

import base64


def derive_key_from_password(password: str, salt: bytes) -> bytes:
    return base64.urlsafe_b64encode(password.encode() + salt)
