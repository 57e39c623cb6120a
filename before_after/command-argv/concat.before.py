import os


def show(path):
    os.system("/bin/ls -l '" + path + "' --color=never")
