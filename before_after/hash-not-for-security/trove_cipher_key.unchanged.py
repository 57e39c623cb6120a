# case: unsafe
# case: refuses `encrypt_data` says this MD5 digest is for security (encrypt): use SHA-256 or better
# case: refuses the digest keys a cipher (`_encrypt()`): keep the MD5 derivation to decrypt data already stored (or version the format)
# case: refuses the digest keys a cipher (`_decrypt()`): keep the MD5 derivation to decrypt data already stored (or version the format)
# case: refuses the digest keys a cipher (`AES.new()`): keep the MD5 derivation
"""Shaped like trove 26.0.0's trove/common/crypto_utils.py: an AES key derived as the MD5 of
a configured key. The ciphertexts are stored (module contents in the database) and older
guest agents decrypt them: a new derivation alone makes every one unreadable."""
import hashlib
import os

from Crypto.Cipher import AES
from oslo_utils import encodeutils

IV_BYTE_COUNT = 16


def _encrypt(key, iv, data):
    return AES.new(key, AES.MODE_CBC, iv).encrypt(data)


def _decrypt(key, iv, data):
    return AES.new(key, AES.MODE_CBC, iv).decrypt(data)


def encrypt_data(data, key, iv_byte_count=IV_BYTE_COUNT):
    key = encodeutils.to_utf8(key)
    md5_key = encodeutils.safe_encode(hashlib.md5(key).hexdigest())
    iv = os.urandom(iv_byte_count)
    return iv + _encrypt(md5_key, iv, data)


def decrypt_data(data, key, iv_byte_count=IV_BYTE_COUNT):
    key = encodeutils.to_utf8(key)
    md5_key = encodeutils.safe_encode(hashlib.md5(key).hexdigest())
    iv = data[:iv_byte_count]
    return _decrypt(md5_key, iv, data[iv_byte_count:])


def cipher_for(password):
    return AES.new(hashlib.md5(password).digest(), AES.MODE_ECB)
