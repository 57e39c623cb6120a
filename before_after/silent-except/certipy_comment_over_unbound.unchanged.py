# case: unsafe
# case: refuses the handler leaves ccache unbound, so its next use raises NameError
"""Shaped like certipy's kerberos helper (certipy/lib/kerberos.py:64): a comment says why the
failure is ignored, but ccache is bound nowhere else on this branch, so `if ccache:` raises
UnboundLocalError when the cache cannot be loaded; the comment excuses nothing."""
import logging
import os

from impacket.krb5.ccache import CCache

LOG = logging.getLogger(__name__)


def get_tgs(target, domain):
    if target.use_sspi:
        ccache = target.get_tgt()
    else:
        try:
            ccache = CCache.loadFile(os.getenv("KRB5CCNAME"))
        except Exception:
            # No cache present
            pass
        if ccache:
            domain = ccache.principal.realm["data"].decode("utf-8")
    return domain
