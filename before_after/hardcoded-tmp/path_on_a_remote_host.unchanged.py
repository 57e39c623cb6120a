# case: refuses a path on a remote host
"""Shaped like tobiko's Manila date writer: a unit file copied over SFTP to /tmp on the
remote host, then installed there with sudo over ssh. A local mkstemp() names no file on
that host."""
import os
import tempfile

from tobiko.shell import sh


class DateWriter:
    def install(self, service_name, service_content):
        service_file = f"/etc/systemd/system/{service_name}.service"
        remote_tmp = f"/tmp/{service_name}.service"

        with tempfile.NamedTemporaryFile(mode='w', suffix='.service',
                                         delete=False) as f:
            f.write(service_content)
            local_tmp = f.name
        try:
            sh.put_file(local_file=local_tmp,
                        remote_file=remote_tmp,
                        connection=self.ssh_client)
        finally:
            os.unlink(local_tmp)
        sh.execute(f"sudo install -m 644 {remote_tmp} {service_file}",
                   ssh_client=self.ssh_client)
        sh.execute(f"rm -f {remote_tmp}", ssh_client=self.ssh_client)

    def fetch_log(self, name):
        """A remote_*= keyword given the literal, or a local name."""
        sh.get_file(remote_file='/tmp/date-writer.log', local_file=name,
                    connection=self.ssh_client)
        log = '/var/tmp/date-writer.err'
        sh.get_file(remote_file=log, local_file=name + '.err',
                    connection=self.ssh_client)
