# case: project oslo_policy_remote oslo_policy/_external.py
# case: refuses verify=verify_server is bound to `enforcer.conf.oslo_policy.remote_ssl_verify_server_crt` (line 21), an oslo.config option False by default (oslo_policy/opts.py, line 17) and set otherwise only where `ca_crt_file` is true (line 25)
# case: refuses verify=conf.oslo_policy.remote_ssl_verify_server_crt is an oslo.config option False by default (oslo_policy/opts.py, line 17): certificate checks are off by default
"""Shaped like oslo.policy 6.0.1's HttpsCheck (oslo_policy/_external.py): verify is the
remote_ssl_verify_server_crt option, False by default (opts.py), replaced by the CA file
only where the option is on and one is configured."""
import contextlib

import requests


class HttpsCheck:
    def __init__(self, kind, match):
        self.kind = kind
        self.match = match

    def __call__(self, target, creds, enforcer, current_rule=None):
        url = ('https:' + self.match) % target

        ca_crt_file = enforcer.conf.oslo_policy.remote_ssl_ca_crt_file
        verify_server = enforcer.conf.oslo_policy.remote_ssl_verify_server_crt
        timeout = enforcer.conf.oslo_policy.remote_timeout

        if verify_server:
            if ca_crt_file:
                verify_server = ca_crt_file

        with contextlib.closing(
            requests.post(url, json=creds, verify=verify_server, timeout=timeout)
        ) as r:
            return r.text == 'True'


def check(conf, url):
    return requests.get(url, verify=conf.oslo_policy.remote_ssl_verify_server_crt, timeout=10)
