import subprocess


def kernel_release():
    return subprocess.run(['uname', '-r'], stdout=subprocess.PIPE,
                          text=True).stdout.strip()


def owner(path):
    return subprocess.run(["stat", "-c", "%U", str(path)],
                          stdout=subprocess.PIPE, text=True).stdout
