# case: unsafe
# case: ignores a draw that is how many bytes os.urandom() makes: a length, no secret
"""Shaped like localstack's KMS models: an HMAC key of a length within the spec's range."""
import os
import random


class KmsKey:
    def generate(self, key_material, minimum_length, maximum_length):
        self.key_material = key_material or os.urandom(
            random.randint(minimum_length, maximum_length)
        )
