# case: refuses a glob (*): file names it expands to can smuggle in options
# case: refuses a glob (?)
# case: refuses a brace expansion
# case: refuses a ~ home directory expansion
import os


def archive(name):
    os.system('tar czf %s.tgz *' % name)
    os.system('rm %s.?' % name)
    os.system('cp %s /srv/{a,b}' % name)
    os.system('cp %s ~/backup' % name)
