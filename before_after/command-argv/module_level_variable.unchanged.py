# case: refuses the command string 'LIST_COMMAND' cannot be traced to one template
import subprocess
import sys

LIST_COMMAND = 'ls -l %s' % sys.argv[1]
subprocess.call(LIST_COMMAND, shell=True)


def again():
    return LIST_COMMAND + ' --all'
