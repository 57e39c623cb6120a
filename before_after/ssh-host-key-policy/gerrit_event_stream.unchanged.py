# case: unsafe
# case: project zuul zuul/driver/gerrit/gerriteventssh.py
# case: refuses fills known_hosts only by recording host keys on first use (zuul/merger/merger.py:18: AutoAddPolicy)
"""Shaped like Zuul 14.3.0's zuul/driver/gerrit/gerriteventssh.py: the scheduler's Gerrit
event stream loads only the zuul user's own known_hosts, which nothing fills for the
scheduler (the merger records keys on first use, in another process, for git); Zuul's docs
ask for no known_hosts entry. RejectPolicy would refuse Gerrit on every such deployment."""
import paramiko


class GerritSSHEventListener:
    def _run(self):
        try:
            client = paramiko.SSHClient()
            client.load_system_host_keys()
            client.set_missing_host_key_policy(paramiko.WarningPolicy())
            client.connect(self.hostname,
                           username=self.username,
                           port=self.port,
                           key_filename=self.keyfile,
                           timeout=self.ssh_timeout)
            stdin, stdout, stderr = client.exec_command("gerrit stream-events")
            self._listen(stdout, stderr)
        finally:
            client.close()
