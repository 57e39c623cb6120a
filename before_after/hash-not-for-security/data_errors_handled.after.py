# case: unsafe
# case: oldest-python 3.11
"""Shaped like snakemake's Workflow.info_header: the handler is for a config json.dumps
cannot serialise (TypeError, or ValueError for a circular reference), not for FIPS mode."""
import hashlib
import json


def info_header(config):
    try:
        config_md5 = hashlib.md5(
            json.dumps(config, sort_keys=True).encode("utf-8"),
            usedforsecurity=False
        ).hexdigest()
    except (TypeError, ValueError):
        config_md5 = "unavailable"
    return {"config_md5": config_md5}
