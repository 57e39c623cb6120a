import os


def kernel_release():
    return os.popen('uname -r').read().strip()


def owner(path):
    return os.popen("stat -c %%U '%s'" % path).read()
