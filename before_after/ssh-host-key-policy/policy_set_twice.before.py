# case: unsafe
"""A client whose policy is set again before a fallback host: one load, at the first."""
import paramiko


def connect(host, fallback):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    try:
        client.connect(host)
    except OSError:
        client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        client.connect(fallback)
    return client
