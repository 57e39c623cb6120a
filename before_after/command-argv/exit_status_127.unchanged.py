# case: refuses the code tests for exit status 127
import subprocess


def has_tool(name):
    result = subprocess.call('%s --version' % 'ip' + ' ' + name, shell=True)
    return result != 127
