# case: refuses a default of known_hosts=None in self._client_args turns off asyncssh
"""Shaped like sshfs's spec.py: SSHFileSystem(host) reaches any host, whatever its key."""
import asyncio

import asyncssh


class SSHFileSystem:
    def __init__(self, host, **kwargs):
        self._client_args = kwargs.copy()
        self._client_args.setdefault("known_hosts", None)
        self._client = asyncio.run(self._connect(host, self._client_args))

    async def _connect(self, host, connect_args):
        return await asyncssh.connect(host, **connect_args)
