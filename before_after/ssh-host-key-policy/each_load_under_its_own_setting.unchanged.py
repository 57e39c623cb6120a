# case: refuses known_hosts is loaded only where `known_hosts or not env.disable_known_hosts` holds
"""Both of Fabric's known_hosts loads are conditional; the policy is set regardless."""
import paramiko


def connect(env, host):
    client = paramiko.SSHClient()
    known_hosts = env.get("system_known_hosts")
    if known_hosts:
        client.load_system_host_keys(known_hosts)
    if not env.disable_known_hosts:
        client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host)
    return client
