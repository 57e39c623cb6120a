# case: unsafe
import paramiko


def run_remote(host, command):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host)
    return client.exec_command(command)


def warn_only(client):
    client.set_missing_host_key_policy(paramiko.WarningPolicy)
