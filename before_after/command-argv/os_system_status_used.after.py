# case: unsafe
import subprocess


def ping(host):
    status = subprocess.call(["ping", "-c", "1", str(host)])
    return status == 0
