# case: refuses shell=True with an argument list is a separate bug
# case: refuses Windows-only code: there a list given shell=True is joined
import subprocess

System = object


def show(path):
    subprocess.call(['ls', '-l', path], shell=True)
    argv = ['ls', path]
    subprocess.call(argv, shell=True)


def changed_list(path, extra):
    """A list bound to a name and then changed is no constant command."""
    args = ['ls', '-l']
    args.append(extra)
    subprocess.call(args, shell=path)


class Windows(System):
    """Shaped like awscli's CodeDeploy installer: cmd.exe runs the joined command line."""

    def install(self, msi):
        subprocess.check_call(['msiexec.exe', '/quiet', '/i', msi], shell=True)
