# case: unsafe
# case: refuses releases `stderr_log` from open(), but the step at line 15, before it, can fail
# case: refuses releases `stdout_log` from open(), but the step at line 14, before it, can fail
"""Shaped like heat-agents 13.0.0's heat-config-puppet/install.d/hook-puppet.py: two files are
opened before the try whose finally closes both; a failing second open() leaks the first."""
import logging
import subprocess

log = logging.getLogger(__name__)


def run_puppet(cmd, base_path, env):
    stdout_log = open('{0}-stdout.log'.format(base_path), 'w')
    stderr_log = open('{0}-stderr.log'.format(base_path), 'w')
    log.debug('Running %s' % ' '.join(cmd))
    try:
        subproc = subprocess.Popen(
            cmd, stdout=stdout_log, stderr=stderr_log, env=env
        )
        subproc.wait()
    except OSError:
        log.warning('puppet not installed yet')
        return
    finally:
        stdout_log.close()
        stderr_log.close()
    return subproc.returncode
