# case: unsafe
# case: refuses AutoAddPolicy is chosen by a setting here
import paramiko


def connect(host, strict_host_key_policy):
    ssh = paramiko.SSHClient()
    ssh.load_host_keys('/etc/myservice/known_hosts')
    if strict_host_key_policy:
        ssh.set_missing_host_key_policy(paramiko.RejectPolicy())
    else:
        ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    ssh.connect(host)
    return ssh
