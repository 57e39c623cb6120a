# case: unsafe
# case: refuses the command goes through str() at the call, which the tool does not rewrite through
"""Shaped like hg-git 1.2.0's hggit/_ssh.py: the command line is converted at the call; a
template the tool could split is still not rewritten through the conversion."""
import subprocess


def show(path):
    cmd = "ls -l '%s'" % path
    return subprocess.Popen(str(cmd), shell=True)
