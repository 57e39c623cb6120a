# case: refuses the call passes **env, which is given verify=False only when `"GIT_SSL_NO_VERIFY" in os.environ` (line 16), or where `verify != 'false'` (line 20) is False
"""Shaped like git-review 2.5.0's run_http_exc() (git_review/cmd.py): env['verify'] is False
where GIT_SSL_NO_VERIFY is set, and else where `git config http.sslVerify` is false."""
import os

import requests


def git_config_get_value(section, option, as_bool=False):
    return os.environ.get('GIT_CONFIG_%s_%s' % (section, option))


def run_http_exc(klazz, url, **env):
    """Run http GET request url, on failure raise klazz"""
    if url.startswith("https://") and "verify" not in env:
        if "GIT_SSL_NO_VERIFY" in os.environ:
            env["verify"] = False
        else:
            verify = git_config_get_value("http", "sslVerify", as_bool=True)
            env["verify"] = verify != 'false'

    res = requests.get(url, **env)
    if not 200 <= res.status_code < 300:
        raise klazz(res.status_code, res.text, ('GET', url), env)
    return res
