# case: unsafe
# case: refuses RejectPolicy alone would refuse every host
import paramiko


def connect(host):
    client = paramiko.SSHClient()
    # Nowhere to put load_system_host_keys() on a line of its own before the policy.
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy()) or None
    client.connect(host)
    return client
