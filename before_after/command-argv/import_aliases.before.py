import subprocess as sp
from os import system as run_shell
from subprocess import Popen as pop


def show(path):
    sp.check_call("ls -l '%s'" % path, shell=True)
    pop("stat '%s'" % path, shell=True).wait()
    run_shell("file '%s'" % path)
