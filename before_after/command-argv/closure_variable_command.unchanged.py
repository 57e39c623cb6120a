# case: refuses the command string 'command' cannot be traced
"""Shaped like ncclient's Junos ioproc, with the command a parameter of the enclosing function
that a module constant of the same name does not bind."""
import subprocess

command = 'netconf'


def connect(command):
    def start():
        return subprocess.Popen(command, shell=True, stdin=subprocess.PIPE)
    return start()
