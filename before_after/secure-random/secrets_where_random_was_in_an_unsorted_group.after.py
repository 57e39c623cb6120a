# case: unsafe
"""Shaped like opencanary's opencanary/modules/mysql.py: the standard-library group is in
no order, and random's other import stays with the third-party imports above; secrets
takes the place of the import of random that goes."""
from opencanary.modules import CanaryService

from twisted.internet.protocol import Protocol
from random import randint

import struct
import re
import string
import secrets


class MySQL(Protocol):
    def gen_salt(self, length):
        charset = string.punctuation + string.ascii_letters + string.digits
        return b"".join(bytes(secrets.choice(charset), "utf-8") for _ in range(length))

    def threadid(self):
        return struct.pack("<I", randint(1, 1000)), re, CanaryService
