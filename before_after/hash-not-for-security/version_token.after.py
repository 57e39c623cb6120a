# case: unsafe
"""Shaped like moto's S3 Tables: a version token, compared on update like an ETag."""
from hashlib import md5
from uuid import uuid4


class Table:
    def _generate_version_token(self):
        return md5(uuid4().bytes, usedforsecurity=False).hexdigest()[:20]
