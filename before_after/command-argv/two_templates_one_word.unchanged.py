# case: refuses one argument is built from two different templates
import subprocess


def show(path, suffix):
    subprocess.call('ls %s' % path + suffix, shell=True)
