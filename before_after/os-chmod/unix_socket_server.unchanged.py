# case: refuses the function makes a Unix socket
"""Shaped like mautrix's manhole: other users connect to the socket, and the server
checks who they are (SO_PEERCRED)."""
import asyncio
import os


async def start_manhole(factory, path):
    server = await asyncio.start_unix_server(factory, path=path)
    os.chmod(path, 0o666)
    return server
