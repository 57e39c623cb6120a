# case: unsafe
# case: refuses RejectPolicy alone would refuse every host
import paramiko


def connect(host):
    client = paramiko.SSHClient()
    # No line of its own for load_system_host_keys() before the policy.
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy()) or None
    client.connect(host)
    return client
