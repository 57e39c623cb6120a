# case: unsafe
import paramiko


def connect(host):
    # The base class accepts every host: its missing_host_key() does nothing.
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host)
    return client
