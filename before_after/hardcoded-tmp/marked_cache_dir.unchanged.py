# case: refuses marked for its scanner (# nosec, # noqa, # ruff:ignore or # pylint: disable): the project accepted
"""Shaped like dvc's dirs.py: a shared cache directory, marked for the project's ruff gate."""
APPNAME = "dvc"


def site_cache_dir():
    # FIXME: kept as it was for the users who share this cache.
    return f"/var/tmp/{APPNAME}"  # noqa: S108
