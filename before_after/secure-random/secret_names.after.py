# case: unsafe
"""Tokens, keys and passwords drawn from random."""

import secrets
import string

from oslo_log import log as logging

LOG = logging.getLogger(__name__)


def make_password(length=16):
    return ''.join(secrets.choice(string.ascii_letters) for _ in range(length))


class Session:
    def start(self, store):
        self.session_id = secrets.randbits(64)
        store['csrf_token'] = secrets.randbelow(10 ** 6)
        nonce = secrets.token_bytes(16)
        return store.save(salt=secrets.SystemRandom().random(), nonce=nonce)
