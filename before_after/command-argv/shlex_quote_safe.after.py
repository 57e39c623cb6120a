import subprocess


def bring_up(namespace, device):
    subprocess.call(['ip', 'netns', 'exec', namespace, 'ip', 'link', 'set',
                     device, 'up'])
