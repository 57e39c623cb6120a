# case: refuses shell=True with an argument list is a separate bug
import subprocess


def show(path):
    subprocess.call(['ls', '-l', path], shell=True)
    argv = ['ls', path]
    subprocess.call(argv, shell=True)
