"""A command bound twice, neither in shell syntax and every value quoted: each call runs the
template bound just before it, which would fit a list, but a name bound more than once is
not rewritten."""
# case: unsafe
# case: refuses the command string 'cmd' is bound more than once in this function (lines 11, 13)
# case: refuses the template of line 13 would run as an argument list
import subprocess


def fetch(url, target):
    cmd = "curl -o '{0}' '{1}'".format(target, url)
    subprocess.check_call(cmd, shell=True)
    cmd = "sha256sum '{0}'".format(target)
    subprocess.check_call(cmd, shell=True)
