# case: refuses comes through **popen_kwargs, which the tool does not rewrite
"""gitlint's _exec(): shell= in the options dict it unpacks; with the argument list,
a true value would run only the list's first item as the command."""
import subprocess


def _exec(*args, **kwargs):
    pipe = subprocess.PIPE
    popen_kwargs = {"stdout": pipe, "stderr": pipe, "shell": kwargs.get("_tty_out", False)}
    with subprocess.Popen(args, **popen_kwargs) as p:
        return p.communicate()


def quiet(args):
    options = {"shell": False}
    return subprocess.call(args, **options)
