# case: unsafe
# case: refuses AutoAddPolicy after load_host_keys(path) saves each new host's key
"""Shaped like Zuul's merger: it fills known_hosts for git to use later."""
import os

import paramiko


def setup_known_hosts(hostname, username, key_filename):
    path = os.path.expanduser('~/.ssh/known_hosts')
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.load_host_keys(path)
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    try:
        client.connect(hostname, username=username, key_filename=key_filename)
    finally:
        client.close()
