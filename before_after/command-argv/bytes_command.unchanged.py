# case: refuses the command is a bytes string
import subprocess


def show(path):
    subprocess.call(b'ls ' + path, shell=True)
