# case: refuses the command is constant text, so nothing can be injected
import subprocess

subprocess.Popen('/bin/ls && cat /etc/passwd', shell=True)
