# case: refuses AutoAddPolicy is an opt-in here: `trust_unknown_hosts` is off by default
"""A parameter whose default is off: the caller asks to trust unknown hosts."""
import paramiko


def connect(host, trust_unknown_hosts=False):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    if trust_unknown_hosts:
        client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host)
    return client
