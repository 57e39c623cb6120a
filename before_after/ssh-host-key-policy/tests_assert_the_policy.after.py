# case: unsafe
# case: project proxmoxer proxmoxer/backends/ssh_paramiko.py
"""Shaped like proxmoxer 2.3.0's proxmoxer/backends/ssh_paramiko.py, whose tests assert
isinstance(policy, paramiko.AutoAddPolicy) (3 failed with the fix): the fix stays, and its
reason names them (tests/test_ssh_host_key_policy.py checks it)."""

import paramiko


class SshParamikoSession:
    def _connect(self):
        ssh_client = paramiko.SSHClient()
        ssh_client.load_system_host_keys()
        ssh_client.set_missing_host_key_policy(paramiko.RejectPolicy())
        ssh_client.connect(self.host, username=self.user, port=self.port)
        return ssh_client
