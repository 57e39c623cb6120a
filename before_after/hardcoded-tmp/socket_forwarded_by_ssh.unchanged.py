# case: refuses a Unix socket's fixed path in a directory every user can write
"""Shaped like tobiko's podman client: a local socket that `ssh -L` forwards to the remote
podman socket, shared on purpose (a tunnel already running is found with `ps -ef` and
used again). mkstemp() or mkdtemp() would make `ssh -L` fail: the path would exist."""
import os
import subprocess

import podman


def create_client(username, host):
    podman_socket_file = (
        f'/tmp/podman.sock_{host.replace(":", ".")}')
    podman_remote_socket_uri = f'unix:{podman_socket_file}'

    psall = str(subprocess.check_output(('ps', '-ef')))
    if f'ssh -L {podman_socket_file}' not in psall:
        if os.path.exists(podman_socket_file):
            subprocess.call(['rm', '-f', podman_socket_file])
        command = [
            'ssh', '-o', 'strictHostKeyChecking=no', '-L',
            f'{podman_socket_file}:/run/podman/podman.sock',
            '-l', username, host, '-N', '-f']
        subprocess.call(command)
    return podman.PodmanClient(base_url=podman_remote_socket_uri)


def forward_back(host):
    """The literal itself, after -R."""
    subprocess.call(['ssh', '-N', '-R', '/tmp/agent.sock:/run/agent.sock', host])
