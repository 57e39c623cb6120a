# case: unsafe
"""A client whose policy is set again before a fallback host: one load, at the first."""
import paramiko


def connect(host, fallback):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    try:
        client.connect(host)
    except OSError:
        client.set_missing_host_key_policy(paramiko.RejectPolicy())
        client.connect(fallback)
    return client
