# case: unsafe
import subprocess


def kill(pid, signal_number):
    subprocess.run(["kill", f"-{signal_number:d}", str(pid)], check=True)


def tail(path, count):
    subprocess.run(['tail', '-n', str(count), str(path)])
