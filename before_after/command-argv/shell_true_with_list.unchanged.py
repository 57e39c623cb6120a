# case: refuses shell=True with an argument list is a separate bug
import subprocess


def show(path):
    subprocess.call(['ls', '-l', path], shell=True)
    argv = ['ls', path]
    subprocess.call(argv, shell=True)


def changed_list(path, extra):
    """A list bound to a name and then changed is no constant command."""
    args = ['ls', '-l']
    args.append(extra)
    subprocess.call(args, shell=path)
