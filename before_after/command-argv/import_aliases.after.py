import subprocess as sp
import subprocess
from subprocess import Popen as pop


def show(path):
    sp.check_call(["ls", "-l", str(path)])
    pop(["stat", str(path)]).wait()
    subprocess.call(["file", str(path)])
