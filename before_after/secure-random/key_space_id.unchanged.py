# case: unsafe
# case: ignores a key space is a database's, not a cryptographic key
"""Shaped like snmpsim's redis variation module: the id of a Redis key space, logged
at info on the next line."""
import logging
import random

log = logging.getLogger(__name__)

moduleContext = {}


def init(options):
    if "key-spaces-id" in options:
        moduleContext["key-spaces-id"] = int(options["key-spaces-id"])
    else:
        moduleContext["key-spaces-id"] = random.randrange(0, 0xFFFFFFFF)
    log.info("redis: using key-spaces-id %s" % moduleContext["key-spaces-id"])
    moduleContext["keyspace"] = random.randrange(0, 0xFFFFFFFF)
    moduleContext["key_space"] = random.randrange(0, 0xFFFFFFFF)
