# case: unsafe
"""Tokens, keys and passwords drawn from random."""

import random
import string

from oslo_log import log as logging

LOG = logging.getLogger(__name__)


def make_password(length=16):
    return ''.join(random.choice(string.ascii_letters) for _ in range(length))


class Session:
    def start(self, store):
        self.session_id = random.getrandbits(64)
        store['csrf_token'] = random.randrange(10 ** 6)
        nonce = random.randbytes(16)
        return store.save(salt=random.random(), nonce=nonce)
