# case: unsafe
# case: refuses fails open: a failed security setting (verify_mode) may leave the context
# case: refuses fails open: a failed security setting (minimum_version, options) may leave
# case: refuses an optional setting: the object made here keeps its default where the
"""Shaped like snowflake-connector-python's ssl_wrap_socket.py: a new pyOpenSSL context
verifies no certificate until verify_mode is set, so a failed store leaves it open."""
import logging
import ssl

from urllib3.contrib.pyopenssl import PyOpenSSLContext

logger = logging.getLogger(__name__)


def _build_context_with_partial_chain(cafile):
    ctx = PyOpenSSLContext(ssl.PROTOCOL_TLS_CLIENT)
    try:
        ctx.verify_mode = ssl.CERT_REQUIRED
    except Exception:
        pass
    return ctx


def _apply_stdlib_hardening(dst):
    try:
        dst.minimum_version = ssl.TLSVersion.TLSv1_2
        dst.options |= ssl.OP_NO_COMPRESSION
    except Exception:
        pass


def _insecure_context():
    # a weakening store keeps the stronger default where it fails: no advice
    ctx = PyOpenSSLContext(ssl.PROTOCOL_TLS_CLIENT)
    try:
        ctx.check_hostname = False
    except Exception:
        pass
    return ctx
