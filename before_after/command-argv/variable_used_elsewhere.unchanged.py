# case: refuses the command string 'cmd' is also used at line
import subprocess


def run_twice(path):
    cmd = 'ls %s' % path
    subprocess.call(cmd, shell=True)
    return cmd + ' (done)'
