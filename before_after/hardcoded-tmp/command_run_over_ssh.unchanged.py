# case: unsafe
# case: refuses a path on a remote host
"""Shaped like rally-openstack's vmtasks.RuntimeCommandHeat: a workload script written
to a fixed path on the guest over ssh (sshutils.SSH), made executable and run there. A
local mkstemp() names no file on the guest."""
import json

import paramiko
from rally.utils import sshutils


def run_workload(username, ip, key, script, outputs):
    ssh = sshutils.SSH(username, ip, pkey=key)
    ssh.wait()
    ssh.execute("cat > /tmp/.rally-workload", stdin=script)
    ssh.execute("chmod +x /tmp/.rally-workload")
    status, out, err = ssh.execute(
        "/tmp/.rally-workload",
        stdin=json.dumps(outputs))
    return out


def run_script(host, script):
    """A paramiko client, its command formatted from the path."""
    client = paramiko.SSHClient()
    client.connect(host)
    client.exec_command("/tmp/.workload %s" % script)


def run(ssh, script):
    """A parameter named for ssh; the path in a local name."""
    path = "/tmp/.workload"
    ssh.execute("cat > %s" % path, stdin=script)
    return ssh.execute(path)
