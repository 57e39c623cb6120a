# case: ignores the client is given known hosts, or asyncssh's default ~/.ssh/known_hosts
"""Shaped like asyncssh's own examples: the connection checks the host's key."""
import asyncssh


async def run(host, command, known_hosts="/etc/ssh/ssh_known_hosts"):
    async with asyncssh.connect(host, known_hosts=known_hosts) as conn:
        return await conn.run(command)


def options(path):
    kwargs = {"known_hosts": path}
    kwargs.setdefault("known_hosts", ())
    return asyncssh.SSHClientConnectionOptions(**kwargs)


async def default(host):
    return await asyncssh.connect(host)
