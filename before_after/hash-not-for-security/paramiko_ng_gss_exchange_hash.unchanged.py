# case: unsafe
# case: refuses `KexGSSGroup1` says this SHA1 digest is for security (kex)
# case: refuses the peer's protocol fixes SHA1 here
# case: refuses gss-group14-sha256
"""Shaped like paramiko-ng's kex_gss.py (2.9.0): the SSH exchange hash H of RFC 4462.

H is the session id, the keys are derived from it and the GSS MIC signs it: a digest for
security, whose SHA-1 the negotiated method (gss-group1-sha1) fixes. No fix: only the
protocol's stronger method (gss-group14-sha256, RFC 8732) changes it."""

from hashlib import sha1

from paramiko.message import Message


class KexGSSGroup1(object):
    NAME = "gss-group1-sha1-toWM5Slw5Ew8Mqkay+al2g=="

    def _parse_kexgss_complete(self, m):
        self.f = m.get_mpint()
        mic_token = m.get_string()
        K = pow(self.f, self.x, self.P)
        # okay, build up the hash H of
        # (V_C || V_S || I_C || I_S || K_S || e || f || K)
        hm = Message()
        hm.add(self.transport.local_version, self.transport.remote_version,
               self.transport.local_kex_init, self.transport.remote_kex_init)
        hm.add_string(self.transport.host_key.__str__())
        hm.add_mpint(self.e)
        hm.add_mpint(self.f)
        hm.add_mpint(K)
        H = sha1(hm.asbytes()).digest()
        self.transport._set_K_H(K, H)
        self.kexgss.ssh_check_mic(mic_token, H)
