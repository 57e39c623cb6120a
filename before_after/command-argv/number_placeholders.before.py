import subprocess


def send_signal(pid, signal_number):
    subprocess.call('kill -%d %d' % (signal_number, pid), shell=True)


def pad(count):
    # A padded number holds blanks the shell dropped: not one known word.
    subprocess.call('seq %5d' % count, shell=True)
