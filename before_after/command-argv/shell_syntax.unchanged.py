# case: refuses a pipe
# case: refuses a redirection
# case: refuses a ; command separator
# case: refuses & or &&
# case: refuses a subshell or parenthesis
# case: refuses a $ expansion
# case: refuses a backtick command substitution
# case: refuses a backslash escape
# case: refuses a newline (command separator)
# case: refuses a $ expansion inside double quotes
import subprocess


def run_all(name, path, host):
    subprocess.call('ps aux | grep %s' % name, shell=True)
    subprocess.call('cat %s > /tmp/copy' % path, shell=True)
    subprocess.call('cd /srv; rm %s' % path, shell=True)
    subprocess.call('ping -c1 %s && echo up' % host, shell=True)
    subprocess.call('(ls %s)' % path, shell=True)
    subprocess.call('ls $HOME/%s' % path, shell=True)
    subprocess.call('ls `pwd`/%s' % path, shell=True)
    subprocess.call('ls a\\ b %s' % path, shell=True)
    subprocess.call('ls %s\nrm -rf /' % path, shell=True)
    subprocess.call('ls "$HOME/%s"' % path, shell=True)
