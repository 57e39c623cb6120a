# case: unsafe
# case: refuses says this SHA1 digest is for security (cert)
"""Shaped like pyVmomi's Security module: a pinned certificate's thumbprint."""
import hashlib


def verify_cert_thumbprint(der_cert, thumbprint):
    sha = hashlib.sha1()
    sha.update(der_cert)
    if sha.hexdigest().lower() != thumbprint.replace(':', '').lower():
        raise ValueError("certificate thumbprint mismatch")
