# case: unsafe
# case: oldest-python 3.6
# case: refuses the call passes **env, which may hold the timeout
"""A private function's **env filled from a caller's own **options: what they hold is not
seen here."""
import requests


def _fetch(url, **env):
    return requests.get(url, **env)


def main(u, **options):
    return _fetch(u, **options)
