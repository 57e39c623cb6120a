# case: refuses os.system() returned the wait status, subprocess.call() returns the exit code
import os


def ping(host):
    status = os.system("ping -c 1 '%s'" % host)
    return status == 0
