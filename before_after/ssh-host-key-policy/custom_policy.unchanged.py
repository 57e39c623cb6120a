# case: ignores a policy that is not paramiko's AutoAddPolicy or WarningPolicy
import paramiko

from myservice import ssh_policies


def connect(host):
    ssh = paramiko.SSHClient()
    ssh.set_missing_host_key_policy(ssh_policies.PinnedPolicy())
    ssh.set_missing_host_key_policy(paramiko.RejectPolicy())
    ssh.connect(host)
    return ssh
