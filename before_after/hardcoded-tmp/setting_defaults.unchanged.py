# case: unsafe
# case: refuses a configuration default under a shared directory
"""Shaped like fsspec's FTP and SFTP filesystems and Airflow's SSH and Docker providers:
/tmp on the server or in a container, a setting's default."""

POSIX_DEFAULT_BASE_DIR = "/tmp/airflow-ssh-jobs"


class SFTPFileSystem:
    def __init__(self, host, tempdir=None, **ssh_kwargs):
        self.temppath = ssh_kwargs.pop("temppath", "/tmp")  # remote temp directory
        self.tempdir = tempdir or "/tmp"
        self.spool = ssh_kwargs.get("spool", "/tmp/spool")


def docker_operator(image, tmp_dir: str = "/tmp/airflow"):
    return image, tmp_dir
