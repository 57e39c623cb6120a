# case: unsafe
# case: oldest-python 3.9
# case: refuses `secret` says this MD5 digest is for security (secret), and the module's docstring cites RFC 2865
# case: refuses `userpwd` says this MD5 digest is for security (pwd), and the module's docstring cites RFC 2865
# case: refuses only that protocol can change it
"""RADIUS packets (RFC 2865): encoding and decoding of packets and
attributes, password encryption, request and response authenticators.

Shaped like pyrad's packet.py (2.6.0): the module says which protocol it implements, and
that protocol fixes MD5 (the response authenticator, CHAP). The advice leads with the
protocol, not with "use SHA-256"; the CHAP check names the hashed `userpwd`, a password
run together with another word, before the `challenge`."""

import hashlib
import hmac
import struct


class AuthPacket(object):
    def ReplyAuthenticator(self, header, attr):
        return hashlib.md5(header[0:4] + self.authenticator + attr + self.secret).digest()

    def VerifyChapPasswd(self, userpwd):
        chap_password = self['CHAP-Password'][0]
        chapid = chap_password[:1]
        password = chap_password[1:]
        challenge = self.authenticator
        return hmac.compare_digest(
            password, hashlib.md5(chapid + userpwd + challenge).digest())
