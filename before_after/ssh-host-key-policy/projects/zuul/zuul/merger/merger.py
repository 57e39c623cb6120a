"""Shaped like Zuul 14.3.0's zuul/merger/merger.py: the merger records an ssh git remote's
host key on first use, in the zuul user's ~/.ssh/known_hosts."""
import os

import paramiko


class Repo:
    def _setup_known_hosts(self, hostname, port, username):
        path = os.path.expanduser('~/.ssh/known_hosts')
        if not os.path.exists(path):
            with open(path, 'w'):
                pass

        client = paramiko.SSHClient()
        client.load_system_host_keys()
        client.load_host_keys(path)
        client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        try:
            client.connect(hostname, username=username, port=port,
                           key_filename=self.sshkey)
        finally:
            client.close()
