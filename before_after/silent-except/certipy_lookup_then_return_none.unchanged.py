# case: unsafe
# case: refuses a probe: what fails there is answered `None` after the try
"""Shaped like certipy's get_object_sid_from_certificate() (certipy/lib/certificate.py:302):
most certificates lack the extension, and get_extension_for_oid() raises ExtensionNotFound
for them; the `return None` right after the try is the answer for that."""
import logging

from cryptography import x509

LOG = logging.getLogger(__name__)

NTDS_CA_SECURITY_EXT = x509.ObjectIdentifier("1.3.6.1.4.1.311.25.2")


def get_object_sid_from_certificate(
    certificate: x509.Certificate,
) -> str:
    try:
        object_sid = certificate.extensions.get_extension_for_oid(NTDS_CA_SECURITY_EXT)

        sid = object_sid.value.value
        return sid[sid.find(b"S-1-5") :].decode()
    except:
        pass

    return None
