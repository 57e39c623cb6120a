# case: unsafe
# case: refuses AutoAddPolicy is chosen by a setting here
"""Shaped like junos-eznc's open_ssh_client: the user turned verification off."""
import paramiko


def open_ssh_client(dev):
    ssh_client = paramiko.SSHClient()
    if dev.hostkey_verify:
        ssh_client.load_system_host_keys()
    else:
        ssh_client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    ssh_client.connect(dev.hostname)
    return ssh_client
