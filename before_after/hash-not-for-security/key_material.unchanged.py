# case: unsafe
# case: refuses says this MD5 digest is for security (bootkey)
# case: refuses says this MD5 digest is for security (challenge)
# case: refuses `cnonce` says this MD5 digest is for security (nonce)
"""Shaped like impacket: an RC4 key derived with MD5, and NTLM's session response."""
import hashlib


class NTDSHashes:
    def pek_list(self, material):
        md5 = hashlib.new('md5')
        md5.update(self.__bootKey)
        md5.update(material)
        return md5.digest()


def session_response(serverChallenge, clientChallenge):
    md5 = hashlib.new('md5')
    chall = serverChallenge + clientChallenge
    md5.update(chall)
    return md5.digest()[:8]


class DigestMD5:
    """Shaped like twisted's SASL mechanism: H() serves the response to the password."""

    def _calculateResponse(self, cnonce, nonce, username, password, realm):
        def H(s):
            return hashlib.md5(s).digest()

        return H(b':'.join([username, realm, password]))
