# case: ignores a Path or an SFTP client's chmod is not os.chmod
import pathlib


def publish(path, sftp):
    pathlib.Path(path).chmod(0o777)
    sftp.chmod(path, 0o777)
