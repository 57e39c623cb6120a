# case: unsafe
from paramiko import client
from paramiko import RejectPolicy


def connect(host):
    ssh = client.SSHClient()
    ssh.load_host_keys('/etc/myservice/known_hosts')
    ssh.set_missing_host_key_policy(RejectPolicy())
    ssh.connect(host)
    return ssh
