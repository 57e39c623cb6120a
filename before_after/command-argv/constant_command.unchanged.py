# case: ignores constant text: nothing can be injected, and without the shell a missing
# program raises instead of returning 127 (glean: 'will fail on non-systemd systems')
import os
import subprocess

subprocess.call('/bin/ls -l', shell=True)
subprocess.Popen("/bin/gcc --version", shell=True)

resolved_enabled = os.system('systemctl is-enabled systemd-resolved')
