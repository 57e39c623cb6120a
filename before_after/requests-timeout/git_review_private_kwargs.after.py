# case: unsafe
# case: oldest-python 3.6
"""Shaped like git-review 2.5.0's cmd.py, run_http_exc() made private: the **env its
callers give (stream=True, or nothing) and it sets (verify, auth) holds no timeout."""
import os

import requests


def _run_http_exc(klazz, url, **env):
    if url.startswith("https://") and "verify" not in env:
        env["verify"] = "GIT_SSL_NO_VERIFY" not in os.environ
    try:
        res = requests.get(url, **env, timeout=60)
        if res.status_code == 401:
            env['auth'] = ('user', 'pass')
            res = requests.get(url, **env, timeout=60)
    except klazz:
        raise
    except Exception as err:
        raise klazz(255, str(err), ('GET', url), env)
    return res


def install_hook(hook_url, target_file):
    res = _run_http_exc(RuntimeError, hook_url, stream=True)
    with open(target_file, 'wb') as f:
        for x in res.iter_content(1024):
            f.write(x)


def query(url):
    return _run_http_exc(RuntimeError, url).json()
