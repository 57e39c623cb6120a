# case: refuses the command string 'cmd' is also used at line 9
# case: refuses the command string 'command' is also used at line 14
import subprocess


def run_twice(path):
    cmd = 'ls %s' % path
    subprocess.call(cmd, shell=True)
    return cmd + ' (done)'


def run_with_closure(path):
    command = "ls '%s'" % path
    describe = lambda: command.upper()  # noqa: E731
    subprocess.call(command, shell=True)
    return describe
