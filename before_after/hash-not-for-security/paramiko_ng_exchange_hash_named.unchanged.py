# case: unsafe
# case: refuses `exchange_hash` says this SHA1 digest is for security (exchangehash)
# case: refuses the peer's protocol fixes SHA1 here
"""Shaped like paramiko-ng's kex_gss.py (2.9.0), the digest named for what it is: the SSH
exchange hash, from which the session's keys are derived."""

from hashlib import sha1


class Transport(object):
    def _finish_exchange(self, hm, K):
        exchange_hash = sha1(hm.asbytes()).digest()
        self._set_K_H(K, exchange_hash)
