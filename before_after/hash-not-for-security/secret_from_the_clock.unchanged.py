# case: refuses and it hashes only the clock (time.time()): a secret derived from the time
"""Shaped like planemo's galaxy/config.py: Galaxy's id_secret, when none is given, is the
MD5 of the time it starts at. No hash of a timestamp is any harder to guess."""

import hashlib
import time


def local_galaxy_config(ctx, port, kwds):
    template_args = dict(
        port=port,
        host=kwds.get("host", "127.0.0.1"),
        id_secret=kwds.get("id_secret", hashlib.md5(str(time.time()).encode("utf-8")).hexdigest()),
        log_level="DEBUG" if ctx.verbose else "INFO",
    )
    return template_args
