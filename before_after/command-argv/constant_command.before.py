import subprocess

subprocess.call('/bin/ls -l', shell=True)
subprocess.Popen("/bin/gcc --version", shell=True)
