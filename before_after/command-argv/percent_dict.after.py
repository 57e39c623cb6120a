import subprocess


def route(cidr, gateway):
    subprocess.call(['ip', 'route', 'replace', str(cidr), 'via', str(gateway)])
