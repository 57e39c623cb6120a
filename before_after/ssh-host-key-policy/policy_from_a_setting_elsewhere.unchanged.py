# case: refuses the module takes the policy from a setting elsewhere
"""Shaped like pyzmq's tunnel: $PYZMQ_PARAMIKO_HOST_KEY_POLICY picks the probe's policy."""
import os

import paramiko


def try_passwordless(server):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    policy_name = os.environ.get("PYZMQ_PARAMIKO_HOST_KEY_POLICY", None)
    if policy_name:
        policy = getattr(paramiko, f"{policy_name}Policy")
        client.set_missing_host_key_policy(policy())
    client.connect(server)
    return client


def tunnel(server):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.WarningPolicy())
    client.connect(server)
    return client
