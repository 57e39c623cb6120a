# case: unsafe
# case: project zuul zuul/driver/gerrit/gerriteventssh.py
"""Zuul 14.3.0's zuul/driver/gerrit/gerriteventssh.py, were it to load a known_hosts file the
connection names: in a project that records host keys on first use elsewhere (the merger),
a client that loads a file the project configures still gets RejectPolicy."""
import paramiko


class GerritSSHEventListener:
    def _run(self):
        try:
            client = paramiko.SSHClient()
            client.load_host_keys(self.known_hosts_file)
            client.set_missing_host_key_policy(paramiko.RejectPolicy())
            client.connect(self.hostname,
                           username=self.username,
                           port=self.port,
                           key_filename=self.keyfile,
                           timeout=self.ssh_timeout)
            stdin, stdout, stderr = client.exec_command("gerrit stream-events")
            self._listen(stdout, stderr)
        finally:
            client.close()
