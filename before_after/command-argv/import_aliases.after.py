import subprocess as sp
from subprocess import Popen as pop
import subprocess


def show(path):
    sp.check_call(["ls", "-l", str(path)])
    pop(["stat", str(path)]).wait()
    subprocess.call(["file", str(path)])
