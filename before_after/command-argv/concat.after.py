import subprocess


def show(path):
    subprocess.call(["/bin/ls", "-l", path, "--color=never"])
