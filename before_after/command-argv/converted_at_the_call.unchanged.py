# case: unsafe
# case: refuses the program name itself is interpolated
"""Shaped like hg-git 1.2.0's hggit/_ssh.py: the command line is built, then converted
for Popen (procutil.tonativestr(cmd) there) as it is run through a shell."""
import subprocess


def run(host, command, sshcmd):
    cmd = '%s %s %s' % (sshcmd, host, command)
    return subprocess.Popen(str(cmd), shell=True)
