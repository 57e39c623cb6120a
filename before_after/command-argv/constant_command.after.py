import subprocess

subprocess.call(['/bin/ls', '-l'])
subprocess.Popen(["/bin/gcc", "--version"])
