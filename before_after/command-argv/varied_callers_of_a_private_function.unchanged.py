# case: refuses the command string 'cmd' cannot be traced to one template in this function: check that what its callers pass is quoted
# case: refuses the command string 'line' cannot be traced to one template in this function: check that what its callers pass is quoted
# case: refuses the command string 'command' cannot be traced to one template in this function: check that what its callers pass is quoted
# case: refuses the command string 'text' cannot be traced to one template in this function: check that what its callers pass is quoted
"""Private helpers whose callers are not all literals without shell syntax: a variable, a
literal with a pipe, the function handed on as a value, a default that is no literal."""
import subprocess
import sys


def _snarf(cmd):
    return subprocess.check_output(cmd, shell=True)


def _piped(line):
    return subprocess.check_output(line, shell=True)


def _handed_on(command):
    return subprocess.check_output(command, shell=True)


def _defaulted(text=sys.argv[0]):
    return subprocess.check_output(text, shell=True)


def main(program):
    _snarf("node --version")
    _snarf(program + " --version")
    _piped("node --version | head -1")
    _handed_on("npm --version")
    _defaulted()
    return list(map(_handed_on, sys.argv[1:]))
