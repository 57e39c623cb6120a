"""Command strings run with shell= from an options dict: a rerun is promised only where the
call, its keywords written out, could be rewritten (a constant shell= and a command that
traces to one template with every value quoted)."""
# case: refuses shell=True comes through **options, which the tool does not rewrite: write the keywords of **options out at the call (shell= among them) and rerun
# case: refuses shell=tty comes through **options, and is not a constant
# case: refuses path stood unquoted
# case: refuses (shell=True comes through **settings)
import shlex
import subprocess


def listing(path):
    options = {"shell": True, "cwd": "/"}
    return subprocess.call("ls -l " + shlex.quote(path), **options)


def listing_on_a_tty(path, tty):
    options = {"shell": tty}
    return subprocess.call("ls -l " + shlex.quote(path), **options)


def listing_unquoted(path):
    settings = {"shell": True}
    return subprocess.call("ls -l " + path, **settings)
