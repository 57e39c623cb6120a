# case: unsafe
# case: refuses known_hosts is loaded only where `not ignore_config` holds
"""Shaped like pwntools' ssh tube: the user's known_hosts, read unless told not to."""
import os

import paramiko


def connect(host, ignore_config=False):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    if not ignore_config:
        known_hosts = os.path.expanduser('~/.ssh/known_hosts')
        if os.path.exists(known_hosts):
            client.load_host_keys(known_hosts)
    client.connect(host)
    return client
