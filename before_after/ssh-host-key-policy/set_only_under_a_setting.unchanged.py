# case: refuses AutoAddPolicy is chosen by a setting here (where its test fails, paramiko's default RejectPolicy holds)
"""Shaped like Fabric's network.connect(): -r/--reject-unknown-hosts, default False."""
import paramiko


def connect(env, host):
    client = paramiko.SSHClient()
    if not env.disable_known_hosts:
        client.load_system_host_keys()
    # Unless user specified not to, accept/add new, unknown host keys
    if not env.reject_unknown_hosts:
        client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host)
    return client
