# case: ignores shell syntax in constant text: nothing can be injected (said where a report asks)
import subprocess

subprocess.Popen('/bin/ls && cat /etc/passwd', shell=True)
