# case: refuses a VAR=value prefix sets the environment through the shell
import subprocess


def build(target):
    subprocess.check_call('LC_ALL=C make %s' % target, shell=True)
