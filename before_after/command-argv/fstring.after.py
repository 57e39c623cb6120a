import subprocess


def kill(pid, signal_number):
    subprocess.run(["kill", f"-{signal_number:d}", str(pid)], check=True)


def tail(path, count):
    subprocess.run(['tail', '-n', f'{count:d}', str(path)])
