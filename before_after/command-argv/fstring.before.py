import subprocess


def kill(pid, signal_number):
    subprocess.run(f"kill -{signal_number:d} '{pid!s}'", shell=True, check=True)


def tail(path, count):
    subprocess.run(f'tail -n {count:d} "{path}"', shell=True)
