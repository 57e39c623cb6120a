# case: refuses a %r/%a conversion adds quotes the shell then strips
# case: refuses a !r/!a conversion adds quotes the shell then strips
import subprocess


def show(path):
    subprocess.call('ls -l %r' % path, shell=True)
    subprocess.call(f'ls -l {path!r}', shell=True)
    subprocess.call('ls -l {!r}'.format(path), shell=True)
