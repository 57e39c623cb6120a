# case: unsafe
from paramiko import AutoAddPolicy
from paramiko import client


def connect(host):
    ssh = client.SSHClient()
    ssh.load_host_keys('/etc/myservice/known_hosts')
    ssh.set_missing_host_key_policy(AutoAddPolicy())
    ssh.connect(host)
    return ssh
