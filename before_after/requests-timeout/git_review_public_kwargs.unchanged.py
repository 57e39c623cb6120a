# case: unsafe
# case: oldest-python 3.6
# case: refuses **env is run_http_exc()'s own, given no timeout by its calls in the module (lines 27, 34), but other modules may call run_http_exc(), a public name, with one
"""Shaped like git-review 2.5.0's cmd.py: run_http_exc() is public, and a timeout another
module gives its **env would be given twice once the call has its own."""
import os

import requests


def run_http_exc(klazz, url, **env):
    if url.startswith("https://") and "verify" not in env:
        env["verify"] = "GIT_SSL_NO_VERIFY" not in os.environ
    try:
        res = requests.get(url, **env)
        if res.status_code == 401:
            env['auth'] = ('user', 'pass')
            res = requests.get(url, **env)
    except klazz:
        raise
    except Exception as err:
        raise klazz(255, str(err), ('GET', url), env)
    return res


def install_hook(hook_url, target_file):
    res = run_http_exc(RuntimeError, hook_url, stream=True)
    with open(target_file, 'wb') as f:
        for x in res.iter_content(1024):
            f.write(x)


def query(url):
    return run_http_exc(RuntimeError, url).json()
