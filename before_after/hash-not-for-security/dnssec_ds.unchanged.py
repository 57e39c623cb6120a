# case: unsafe
# case: refuses `dnssec_ds` says this SHA1 digest is for security (dnssec)
"""Shaped like dnspython's dns/dnssec.py make_ds(): a DS record's digest chains a DNS key
to its parent zone (the module's name says so), and its entropy pool."""
import hashlib


def make_ds(dsrdata):
    dshash = hashlib.sha1()
    dshash.update(dsrdata)
    return dshash.digest()


class EntropyPool:
    def _new_hash(self):
        self.hash = hashlib.md5()
