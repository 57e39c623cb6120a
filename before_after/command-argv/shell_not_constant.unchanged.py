# case: refuses shell= is not a constant
import subprocess


def show(path, use_shell):
    subprocess.call('ls %s' % path, shell=use_shell)
