# case: refuses the command string 'command' cannot be traced to one template
# case: refuses the command string 'cmd' cannot be traced to one template
# case: refuses the command string cannot be traced to one template
import subprocess


def run_given(command):
    subprocess.call(command, shell=True)


def run_either(verbose, path):
    cmd = 'ls %s' % path
    if verbose:
        cmd = 'ls -l %s' % path
    subprocess.call(cmd, shell=True)


def run_built(parts):
    subprocess.call(' '.join(parts), shell=True)
