# case: unsafe
# case: oldest-python 3.6
# case: refuses **env is _fetch()'s own, which its call in the module gives a timeout (`slow`, line 15)
"""A private function's **env that one of its callers gives a timeout: a timeout= written
in the call would then be given twice (a TypeError)."""
import requests


def _fetch(url, **env):
    env["verify"] = True
    return requests.get(url, **env)


def slow(u):
    return _fetch(u, stream=True, timeout=300)


def main(u):
    return _fetch(u)
