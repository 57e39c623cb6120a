"""A command bound twice, neither in shell syntax: no fix for a name bound more than once."""
# case: unsafe
# case: refuses the command string 'cmd' cannot be traced to one template
import subprocess


def fetch(url, target):
    cmd = "curl -o {0} {1}".format(target, url)
    subprocess.check_call(cmd, shell=True)
    cmd = "sha256sum {0}".format(target)
    subprocess.check_call(cmd, shell=True)
