# case: unsafe
import subprocess


def send_signal(pid, signal_number):
    subprocess.call(['kill', '-%d' % (signal_number,), str(pid)])
