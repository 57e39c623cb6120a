# case: unsafe
# case: oldest-python 3.10
# case: refuses `kex_mic_tokens` says this MD5 digest is for security (kex)
# case: refuses `check_kex_offer` says this MD5 digest is for security (kex)
# case: refuses `sign_kex_names` says this MD5 digest is for security (sign)
# case: refuses `kex_tagged_names` says this MD5 digest is for security (kex)
# case: refuses `send_kex_name` says this MD5 digest is for security (kex)
"""Digests joined to text in a key exchange that are no names: a tag appended to the very
message it covers (a MAC), one compared with what the peer offered, one put in a list whose
name says signatures, one behind text with letters (`&sig=`), and one sent. Each stays a
digest for security."""

import binascii
from hashlib import md5


def kex_mic_tokens(messages):
    tokens = []
    for message in messages:
        tokens.append(message + b'-' + md5(message).digest())
    return tokens


def check_kex_offer(alg, mech, offered):
    suffix = b'-' + binascii.b2a_base64(md5(mech).digest())[:-1]
    if alg + suffix != offered:
        raise ValueError(offered)


def sign_kex_names(algs, mech, signatures):
    for alg in algs:
        signatures.append(alg + b'-' + md5(mech).hexdigest().encode())


def kex_tagged_names(algs, mech, names):
    for alg in algs:
        names.append(alg + b'&sig=' + md5(mech).digest())


def send_kex_name(sock, alg, mech):
    sock.send(alg + b'-' + md5(mech).digest())
