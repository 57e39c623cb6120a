# case: unsafe
import os


def ping(host):
    status = os.system("ping -c 1 '%s'" % host)
    return status == 0
