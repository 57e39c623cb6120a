# case: unsafe
# case: refuses a configuration default under a shared directory
"""Shaped like fsspec's FTP and SFTP filesystems, Airflow's SSH and Docker providers,
pyinfra, ansible-runner and mitogen: /tmp on a server or in a container, a setting's
default."""

POSIX_DEFAULT_BASE_DIR = "/tmp/airflow-ssh-jobs"


class SFTPFileSystem:
    def __init__(self, host, tempdir=None, **ssh_kwargs):
        self.temppath = ssh_kwargs.pop("temppath", "/tmp")  # remote temp directory
        self.tempdir = tempdir or "/tmp"
        self.spool = ssh_kwargs.get("spool", "/tmp/spool")


def docker_operator(image, tmp_dir: str = "/tmp/airflow"):
    return image, tmp_dir


class ConfigDefaults:
    DEFAULT_TEMP_DIR: str = "/tmp"  # on the remote side


OPTIONS = [{"dest": "process_isolation_path", "default": "/tmp"}]


def system_tmpdirs(options):
    return options.get("system_tmpdirs", ("/var/tmp", "/tmp"))
