import subprocess


def listing(path, pattern):
    return subprocess.check_output(["ls", "-l", str(path),
                                    "--hide={}".format(pattern)])
