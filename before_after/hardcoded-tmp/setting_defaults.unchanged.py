# case: unsafe
# case: refuses a configuration default under a shared directory
"""Shaped like fsspec's FTP and SFTP filesystems: /tmp on the server, a setting's default."""


class SFTPFileSystem:
    def __init__(self, host, tempdir=None, **ssh_kwargs):
        self.temppath = ssh_kwargs.pop("temppath", "/tmp")  # remote temp directory
        self.tempdir = tempdir or "/tmp"
        self.spool = ssh_kwargs.get("spool", "/tmp/spool")
