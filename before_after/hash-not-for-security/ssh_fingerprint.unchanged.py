# case: unsafe
# case: refuses `openssh_fingerprint_md5` says this MD5 digest is for security (openssh)
"""Shaped like ncclient's libssh transport: the fingerprint decides trust."""
import base64
import hashlib


def check_host(host, server_pubkey_base64, unknown_host_cb):
    def openssh_fingerprint_md5(base64_key):
        key_bytes = base64.b64decode(base64_key)
        digest = hashlib.md5(key_bytes).hexdigest()
        return ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))

    fingerprint = openssh_fingerprint_md5(server_pubkey_base64)
    if not unknown_host_cb(host, fingerprint):
        raise ValueError(host)
