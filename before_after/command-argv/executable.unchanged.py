# case: refuses executable= replaces the shell
import subprocess


def show(path):
    subprocess.call('ls -l %s' % path, shell=True, executable='/bin/bash')
