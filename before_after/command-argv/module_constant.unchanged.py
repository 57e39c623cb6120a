# case: ignores a module constant: nothing can be injected into 'netconf'
"""Shaped like ncclient's Junos ioproc: the shell runs a command the module names once."""
import subprocess

NETCONF_SHELL = 'netconf'


def connect():
    return subprocess.Popen(NETCONF_SHELL, shell=True, stdin=subprocess.PIPE)
