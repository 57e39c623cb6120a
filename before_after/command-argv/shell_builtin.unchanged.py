# case: refuses 'cd' is a shell builtin or keyword
# case: refuses 'ulimit' is a shell builtin or keyword
import os


def prepare(path, limit):
    os.system('cd %s' % path)
    os.system('ulimit -n %d' % limit)
