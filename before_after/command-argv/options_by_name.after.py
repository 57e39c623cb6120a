# case: unsafe
import shlex
import subprocess


def mount(share, mount_options):
    subprocess.call(['mount', *shlex.split(str(mount_options)), str(share),
                     '/mnt'])
