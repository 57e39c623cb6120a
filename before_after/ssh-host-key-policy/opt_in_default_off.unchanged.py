# case: refuses AutoAddPolicy is an opt-in here: `self.ssh_auto_add_host` is off by default
"""Shaped like openshift-client's context.py: ssh_auto_add_host is False in __init__, and
client_host() sets it from $OPENSHIFT_CLIENT_PYTHON_DEFAULT_SSH_AUTO_ADD, default "false"."""
import os

DEFAULT_SSH_AUTO_ADD = os.getenv("OPENSHIFT_CLIENT_PYTHON_DEFAULT_SSH_AUTO_ADD", "false").lower() in (
"yes", "true", "t", "y", "1")


class Context(object):
    def __init__(self):
        self.ssh_client = None
        self.ssh_hostname = None
        self.ssh_auto_add_host = False
        self.ssh_load_system_host_keys = True

    def reconnect_ssh(self):
        if self.ssh_hostname:
            import paramiko

            self.ssh_client = paramiko.SSHClient()

            # Should we load known_hosts?
            if self.ssh_load_system_host_keys:
                self.ssh_client.load_system_host_keys()

            # Should we trust an unknown host?
            if self.ssh_auto_add_host:
                self.ssh_client.set_missing_host_key_policy(paramiko.AutoAddPolicy())

            self.ssh_client.connect(hostname=self.ssh_hostname)


def client_host(hostname=None, auto_add_host=DEFAULT_SSH_AUTO_ADD):
    c = Context()
    c.ssh_hostname = hostname
    c.ssh_auto_add_host = auto_add_host
    return c
