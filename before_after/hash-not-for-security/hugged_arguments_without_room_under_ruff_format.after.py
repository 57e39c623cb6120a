# case: unsafe
# case: formatter ruff
"""Shaped like sewer 0.8.4's hugged requests.patch(...) arguments, in a hashing
call: a ruff format project (line length 79), the arguments hugged on one line
between the brackets with no room left there for the keyword. ruff format
writes them one per line, with the magic trailing comma."""

import hashlib


def cache_key(data):
    digest = hashlib.new(
        "md5",
        data.encode("utf-8") + b"sewer-catalog-cache-entry-name",
        usedforsecurity=False,
    ).hexdigest()
    return digest
