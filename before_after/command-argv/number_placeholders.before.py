# case: unsafe
import subprocess


def send_signal(pid, signal_number):
    subprocess.call('kill -%d %s' % (signal_number, pid), shell=True)
