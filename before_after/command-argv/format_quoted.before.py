import subprocess


def listing(path, pattern):
    return subprocess.check_output("ls -l '{}' --hide=\"{pattern}\"".format(path, pattern=pattern), shell=True)
