# case: refuses `server_challenge` says this MD5 digest is for security (challenge)
# case: refuses the `except ValueError` around it decides what happens where FIPS mode refuses MD4
"""Shaped like pysmb's ntlm.py: the helpers are defined under a top-level try, with a
probe for MD4, which OpenSSL 3 and FIPS mode refuse."""
try:
    import hashlib
    hashlib.new('md4')

    def MD4():
        return hashlib.new('md4')
except (ImportError, ValueError):
    from .md4 import MD4

try:
    import hashlib

    def MD5(s):
        return hashlib.md5(s)
except ImportError:
    from .md5 import MD5


def generateChallengeResponseV1(password, server_challenge, client_challenge):
    d = MD4()
    d.update(password.encode('UTF-16LE'))
    session = MD5(server_challenge + client_challenge).digest()
    return d.digest(), session
