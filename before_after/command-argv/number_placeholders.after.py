import subprocess


def send_signal(pid, signal_number):
    subprocess.call(['kill', '-%d' % (signal_number,), '%d' % (pid,)])


def pad(count):
    # A padded number holds blanks the shell dropped: not one known word.
    subprocess.call('seq %5d' % count, shell=True)
