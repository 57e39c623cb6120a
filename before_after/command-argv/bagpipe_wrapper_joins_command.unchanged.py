"""Shaped like networking-bagpipe's bagpipe_bgp/common/run_command.py: the private
_shell_command() runs its parameter through a shell, and its one caller, run_command(),
joins the command into a string (and splits it on the rootwrap path) and drops shell=."""
# case: refuses run_command() uses the command as a string (line 32)
# case: refuses drops its callers' shell= (line 35)
import subprocess

from oslo_config import cfg


def _rootwrap_command(client, command, stdin=None):
    return client.execute(command.split(), stdin)


def _shell_command(log, command, stdin=None):
    process = subprocess.Popen(command, shell=True,
                               stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    (output, error) = process.communicate(stdin)
    return (process.returncode, output, error)


def run_command(log, command, run_as_root=False, client=None, *args, **kwargs):
    if run_as_root and client is not None:
        log.debug("Running command in rootwrap mode: %s", command)
        exit_code, output, error = _rootwrap_command(client, command,
                                                     *args, **kwargs)
    else:
        log.debug("Running command in subshell mode: %s ", command)
        if run_as_root:
            command = " ".join([cfg.CONF.COMMON.root_helper, command])

        # remove shell from kwargs (uses shell by default)
        kwargs.pop("shell", False)
        exit_code, output, error = _shell_command(log, command,
                                                  *args, **kwargs)
    if exit_code:
        raise Exception("Exit code %d when running '%s'" % (exit_code, command))
    return output
