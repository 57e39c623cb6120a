"""Shaped like murano-agent 12.0.0's ApplicationExecutor.run(): the command string is bound,
then bound again under an if, and shell=True comes through **popen_kwargs. Passing shell= as
a keyword and rerunning cannot reach a fix: the rebound command is what stops it."""
# case: refuses the command string 'app' cannot be traced to one template in this function: it is bound more than once (lines 21, 25)
# case: refuses run it without a shell (shell=True comes through **popen_kwargs)
import os
import signal
import stat
import subprocess
import sys


class ApplicationExecutor(object):
    def load(self, path, options):
        self._path = path
        self._capture_stdout = options.get('captureStdout', True)

    def run(self, function, commandline='', input=None):
        dir_name = os.path.dirname(self._path)
        os.chdir(dir_name)
        app = '"{0}" {1}'.format(os.path.basename(self._path), commandline)

        if not sys.platform == 'win32':
            os.chmod(self._path, stat.S_IEXEC | stat.S_IREAD)
            app = './' + app

        stdout = subprocess.PIPE if self._capture_stdout else None
        popen_kwargs = {
            'stdout': stdout,
            'universal_newlines': True,
            'cwd': dir_name,
            'shell': True
        }
        if os.name != 'nt':
            popen_kwargs['preexec_fn'] = lambda: signal.signal(
                signal.SIGPIPE, signal.SIG_DFL)

        process = subprocess.Popen(app, **popen_kwargs)
        stdout, stderr = process.communicate(input)
        return process.poll(), stdout
