# case: unsafe
# case: refuses by its name a scan's or an attack's target
"""routersploit's SSH client: every host it reaches is a device under test or attack."""
import paramiko


class SSHCli:
    def __init__(self, ssh_target, ssh_port):
        self.ssh_target = ssh_target
        self.ssh_port = ssh_port
        self.ssh_client = paramiko.SSHClient()
        self.ssh_client.set_missing_host_key_policy(paramiko.AutoAddPolicy())

    def login(self, username, password):
        try:
            self.ssh_client.connect(self.ssh_target, self.ssh_port,
                                    username=username, password=password)
        except paramiko.AuthenticationException:
            return False
        return True
